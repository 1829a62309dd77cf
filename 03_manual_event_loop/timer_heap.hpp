// A min-heap of timers: the earliest deadline on top, equal deadlines in the order they were
// set. Used by TimerLoop (section "timer_heap") and by the green-thread Hub (section "hub").
#pragma once

#include <cstdint>
#include <optional>
#include <queue>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace manual_loop {

// asyncio keeps its timers on a binary heap too (heapq), but compares deadlines only, so its
// equal deadlines come out in heap order. The sequence number here is this course's choice: on
// virtual time many timers share a deadline, and first-set-first-fired is the order a real-time
// run shows, where the clock moves between two calls. A binary heap is enough: push and pop are
// O(log n) and the loop only ever needs the earliest.
template <class T>
class TimerHeap {
public:
    void push(double deadline, T item) { heap_.push(Entry{deadline, next_sequence_++, std::move(item)}); }

    [[nodiscard]] bool empty() const noexcept { return heap_.empty(); }
    [[nodiscard]] std::size_t size() const noexcept { return heap_.size(); }

    // The deadline the loop may sleep until.
    [[nodiscard]] double earliest() const {
        if (heap_.empty()) throw std::logic_error("TimerHeap::earliest(): no timers");
        return heap_.top().deadline;
    }

    // The earliest item whose deadline is <= now, removed; nullopt if none is due yet.
    std::optional<T> pop_due(double now) {
        if (heap_.empty() || heap_.top().deadline > now) return std::nullopt;
        T item = heap_.top().item;  // top() is const: copy out, T is a small handle
        heap_.pop();
        return item;
    }

private:
    struct Entry {
        double deadline;
        std::uint64_t sequence;  // breaks ties: first set, first fired
        T item;
    };
    // std::priority_queue puts the "largest" on top; "later" as the order makes it a min-heap.
    struct Later {
        bool operator()(const Entry& a, const Entry& b) const {
            return std::tie(a.deadline, a.sequence) > std::tie(b.deadline, b.sequence);
        }
    };
    std::priority_queue<Entry, std::vector<Entry>, Later> heap_;
    std::uint64_t next_sequence_ = 0;
};

}  // namespace manual_loop
