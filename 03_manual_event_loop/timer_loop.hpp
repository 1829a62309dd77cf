// The first real event loop: a ready queue plus a timer heap. A task that yields a deadline is
// parked on the heap, and when nothing is ready the loop sleeps until the earliest deadline
// instead of spinning. Used by the sections "timer_heap" and "chess_async".
#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "common/timeline.hpp"
#include "step.hpp"
#include "timer_heap.hpp"

namespace manual_loop {

class TimerLoop {
public:
    // With a timeline, the lane "loop" gets a mark for every step.
    explicit TimerLoop(common::Clock& clock, common::Timeline* timeline = nullptr)
        : clock_(clock), timeline_(timeline) {}

    // Runs every task to its return; the values come back in creation order.
    std::vector<int> run(std::vector<Task> tasks);

    // One turn of the loop, in the order asyncio's _run_once takes it.
    void run_once();

    [[nodiscard]] std::uint64_t iterations() const noexcept { return iterations_; }
    [[nodiscard]] std::uint64_t steps() const noexcept { return steps_; }
    [[nodiscard]] std::uint64_t sleeps() const noexcept { return sleeps_; }

private:
    void step(std::size_t task);

    common::Clock& clock_;
    common::Timeline* timeline_;
    std::vector<Task> tasks_;
    std::vector<std::optional<int>> results_;
    std::size_t unfinished_ = 0;
    std::deque<std::size_t> ready_;  // FIFO: tasks run in the order they became ready
    TimerHeap<std::size_t> timers_;  // task indices, by the deadline they yielded
    std::uint64_t iterations_ = 0;
    std::uint64_t steps_ = 0;
    std::uint64_t sleeps_ = 0;
};

}  // namespace manual_loop
