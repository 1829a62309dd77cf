// sleep_task(value, delay): a generator-style task, written as a state machine (chapter 01's
// way), that yields until its deadline has passed and then returns `value`.
// Used by the sections "generators" and "timer_heap".
#pragma once

#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "common/duration.hpp"
#include "common/log.hpp"
#include "common/timeline.hpp"
#include "step.hpp"

namespace manual_loop {

// Python:
//     def sleep_task(value, delay):
//         deadline = time.time() + delay
//         while time.time() < deadline:
//             yield deadline
//         print(f"task {value}: slept {delay} s")
//         return value
class SleepTask {
public:
    // Like calling the generator function: nothing runs yet, not even the clock reading. With a
    // timeline, the task draws its own bar, from its first step to its return.
    SleepTask(int value, double delay, const common::Clock& clock, common::Log& log,
              common::Timeline* timeline = nullptr)
        : value_(value), delay_(delay), clock_(&clock), log_(&log), timeline_(timeline) {}

    // next(gen)
    Step operator()() {
        switch (resume_at_) {
            case ResumeAt::start:
                started_at_ = clock_->now();
                deadline_ = started_at_ + delay_;
                // An instant at the start puts the lanes in creation order, not finishing order.
                if (timeline_ != nullptr) timeline_->instant(lane(), "starts", started_at_);
                resume_at_ = ResumeAt::in_loop;
                break;
            case ResumeAt::in_loop:
                break;
            case ResumeAt::finished:
                throw std::logic_error("sleep_task stepped after it returned");
        }
        if (clock_->now() < deadline_) return Yield{deadline_};
        log_->print("task {}: slept {}, returns {}", value_, common::format_duration(delay_), value_);
        if (timeline_ != nullptr) {
            timeline_->span(lane(), fmt::format("sleep {}", common::format_duration(delay_)), started_at_,
                            clock_->now());
        }
        resume_at_ = ResumeAt::finished;
        return Return{value_};
    }

private:
    enum class ResumeAt { start, in_loop, finished };

    [[nodiscard]] std::string lane() const { return fmt::format("task {}", value_); }

    int value_;
    double delay_;
    double started_at_ = 0.0;
    double deadline_ = 0.0;
    ResumeAt resume_at_ = ResumeAt::start;
    const common::Clock* clock_;
    common::Log* log_;
    common::Timeline* timeline_;
};

}  // namespace manual_loop
