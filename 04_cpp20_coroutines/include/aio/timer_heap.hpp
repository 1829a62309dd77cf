// The loop's timers: a binary heap ordered by deadline, then by the order they were set, so
// timers due at the same instant fire first-come first-served. Section "loop" explains it.
#pragma once

#include <cstdint>
#include <functional>
#include <queue>
#include <vector>

namespace aio::detail {

struct PromiseBase;

// 24 bytes: a million sleeping tasks cost 24 MB of heap, not more.
struct Timer {
    double deadline;
    std::uint64_t sequence;  // order of arrival; for a task, also the wake-up id it waits for
    PromiseBase* task;       // nullptr: a call_later callback, kept aside under `sequence`
};

// std::priority_queue is enough: push and pop are O(log n), and the earliest timer is top().
// asyncio uses heapq the same way.
class TimerHeap {
public:
    [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }
    [[nodiscard]] const Timer& earliest() const noexcept { return heap_.top(); }
    void push(const Timer& timer) { heap_.push(timer); }
    Timer pop() {
        const Timer timer = heap_.top();
        heap_.pop();
        return timer;
    }

private:
    struct Later {
        bool operator()(const Timer& a, const Timer& b) const noexcept {
            return a.deadline != b.deadline ? a.deadline > b.deadline : a.sequence > b.sequence;
        }
    };
    std::priority_queue<Timer, std::vector<Timer>, Later> heap_;
};

}  // namespace aio::detail
