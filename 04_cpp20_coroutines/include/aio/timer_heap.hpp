// The loop's timers: a heap ordered by deadline, then by the order they were set, so timers
// due at the same instant fire first-come first-served. Section "loop" explains it.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "aio/promise_base.hpp"

namespace aio::detail {

// 24 bytes: a million sleeping tasks cost 24 MB of heap, not more.
struct Timer {
    double deadline;
    std::uint64_t sequence;  // order of arrival; for a task, also the wake-up id it waits for
    PromiseBase* task;       // nullptr: a call_later callback, kept aside under `sequence`
};

// The heap as asyncio keeps it (heapq), plus one thing: each waiting task knows where its timer
// sits (PromiseBase::timer_slot), so a wait that ends early (a cancelled sleep, a wait_for whose
// work finished in time) takes its timer out at once, in O(log n). asyncio instead leaves
// cancelled timers in place and rebuilds the heap when they are over half of it; taking them out
// keeps no frame alive for a stale timer. The price is one store into a task's frame per timer
// moved, a cache miss with a million timers; four children per node instead of two halve the
// depth, so a pop moves half as many (04_bench, 1M sleepers: 0.61 s binary, 0.38 s 4-ary;
// 0.32 s for the old binary heap that could not take a timer out).
class TimerHeap {
public:
    [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
    [[nodiscard]] const Timer& earliest() const noexcept { return heap_.front(); }

    void push(const Timer& timer) {
        heap_.push_back(timer);
        sift_up(heap_.size() - 1);
    }
    Timer pop() noexcept { return remove_at(0); }
    // The timer of `task`, which waits on one.
    void remove(PromiseBase& task) noexcept { remove_at(task.timer_slot - 1); }
    void clear() noexcept {
        for (const Timer& timer : heap_) {
            if (timer.task != nullptr) timer.task->timer_slot = 0;
        }
        heap_.clear();
    }

private:
    static constexpr std::size_t arity = 4;  // children per node (see above)
    static bool earlier(const Timer& a, const Timer& b) noexcept {
        return a.deadline != b.deadline ? a.deadline < b.deadline : a.sequence < b.sequence;
    }
    // Puts `timer` at `index` and tells its task where it is.
    void place(std::size_t index, const Timer& timer) noexcept {
        heap_[index] = timer;
        if (timer.task != nullptr) timer.task->timer_slot = static_cast<std::uint32_t>(index + 1);
    }
    Timer remove_at(std::size_t index) noexcept {
        const Timer removed = heap_[index];
        if (removed.task != nullptr) removed.task->timer_slot = 0;
        const Timer last = heap_.back();
        heap_.pop_back();
        if (index < heap_.size()) {
            place(index, last);
            sift_down(index);
            sift_up(index);
        }
        return removed;
    }
    void sift_up(std::size_t index) noexcept {
        const Timer timer = heap_[index];
        while (index > 0) {
            const std::size_t parent = (index - 1) / arity;
            if (!earlier(timer, heap_[parent])) break;
            place(index, heap_[parent]);
            index = parent;
        }
        place(index, timer);
    }
    void sift_down(std::size_t index) noexcept {
        const Timer timer = heap_[index];
        const std::size_t size = heap_.size();
        for (;;) {
            const std::size_t first = arity * index + 1;
            if (first >= size) break;
            std::size_t child = first;
            const std::size_t last = std::min(first + arity, size);
            for (std::size_t other = first + 1; other < last; ++other) {
                if (earlier(heap_[other], heap_[child])) child = other;
            }
            if (!earlier(heap_[child], timer)) break;
            place(index, heap_[child]);
            index = child;
        }
        place(index, timer);
    }

    std::vector<Timer> heap_;
};

}  // namespace aio::detail
