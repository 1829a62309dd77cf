// The loop's ready queue: what runs at the next turn, first in first out. An entry is a task
// (8 bytes, in blocks recycled by the frame pool) or a marker for the next call_soon callback,
// kept in a second FIFO. Section "loop" explains it.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <utility>

#include "aio/frame_pool.hpp"

namespace aio::detail {

struct PromiseBase;

class ReadyQueue {
public:
    [[nodiscard]] bool empty() const noexcept { return entries_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return entries_.size(); }

    void push(PromiseBase* task) { entries_.push_back(task); }
    void push(std::function<void()> callback) {
        callbacks_.push_back(std::move(callback));
        entries_.push_back(nullptr);
    }

    // Runs the oldest entry: a task's next step, or a callback.
    template <class RunTask, class RunCallback>
    void run_front(RunTask run_task, RunCallback run_callback) {
        PromiseBase* task = entries_.front();
        entries_.pop_front();
        if (task != nullptr) {
            run_task(task);
            return;
        }
        const std::function<void()> callback = std::move(callbacks_.front());
        callbacks_.pop_front();
        run_callback(callback);
    }

    void clear() noexcept {
        entries_.clear();
        callbacks_.clear();
    }

private:
    // A deque's blocks from the frame pool: steady traffic through the queue allocates nothing.
    // (A ring that grows by doubling would too, but at a million tasks its last growth holds
    // both arrays at once: 04_bench's bytes per sleeping task went from 186 to 192.)
    std::deque<PromiseBase*, PoolAllocator<PromiseBase*>> entries_;
    std::deque<std::function<void()>> callbacks_;
};

}  // namespace aio::detail
