// The loop's ready queue: what runs at the next turn, first in first out. An entry is a task
// (8 bytes, no allocation) or a marker for the next call_soon callback, kept in a second FIFO.
// Section "loop" explains it.
#pragma once

#include <cstddef>
#include <deque>
#include <functional>
#include <utility>

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
    std::deque<PromiseBase*> entries_;
    std::deque<std::function<void()>> callbacks_;
};

}  // namespace aio::detail
