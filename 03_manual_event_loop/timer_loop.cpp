#include "timer_loop.hpp"

#include <stdexcept>
#include <utility>

#include <fmt/format.h>

namespace manual_loop {

std::vector<int> TimerLoop::run(std::vector<Task> tasks) {
    if (unfinished_ != 0) throw std::logic_error("TimerLoop::run() while it is already running");
    tasks_ = std::move(tasks);
    results_.assign(tasks_.size(), std::nullopt);
    unfinished_ = tasks_.size();
    ready_.clear();
    // Every task starts on the first turn, in creation order (asyncio: create_task -> call_soon).
    for (std::size_t i = 0; i < tasks_.size(); ++i) ready_.push_back(i);
    try {
        while (unfinished_ > 0) run_once();
    } catch (...) {
        // A task threw: the run is over, and the loop is left empty, ready for another run().
        unfinished_ = 0;
        ready_.clear();
        timers_ = TimerHeap<std::size_t>{};
        throw;
    }
    std::vector<int> values;
    for (const std::optional<int>& result : results_) values.push_back(*result);
    return values;
}

void TimerLoop::run_once() {
    ++iterations_;
    // 1. Nothing to run now: sleep until the earliest timer. This is where the CPU rests.
    if (ready_.empty() && !timers_.empty()) {
        clock_.sleep_until(timers_.earliest());
        ++sleeps_;
    }
    // 2. Timers that are due join the ready queue, behind what is already there.
    const double now = clock_.now();
    while (const std::optional<std::size_t> due = timers_.pop_due(now)) ready_.push_back(*due);
    // 3. Run what is ready now; whatever these steps make ready waits for the next turn.
    for (std::size_t count = ready_.size(); count > 0; --count) {
        const std::size_t task = ready_.front();
        ready_.pop_front();
        step(task);
    }
}

void TimerLoop::step(std::size_t task) {
    ++steps_;
    if (timeline_ != nullptr) timeline_->instant("loop", fmt::format("step task {}", task + 1), clock_.now());
    const Step step = tasks_[task]();
    if (const auto* yielded = std::get_if<Yield>(&step)) {
        // A deadline already passed needs no timer: the task is ready for the next turn.
        if (yielded->deadline <= clock_.now()) {
            ready_.push_back(task);
        } else {
            timers_.push(yielded->deadline, task);
        }
        return;
    }
    results_[task] = std::get<Return>(step).value;
    --unfinished_;
}

}  // namespace manual_loop
