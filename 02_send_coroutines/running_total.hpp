// A generator that yields AND receives: it yields 0, 1, 2, ... and adds up what it is sent.
// Used by the sections "send" and "priming".
#pragma once

#include <optional>

#include "common/log.hpp"
#include "send_generator.hpp"

namespace coroutines {

// Python:
//     def running_total(count):
//         c = 0
//         for i in range(count):
//             print(f"running_total: yield {i}")
//             received = yield i          # what send() passes in; None for next()
//             c += received or 0
//             print(f"running_total: got {received}, c = {c}")
//         print(f"running_total: finished, c = {c}")
//         return c
class RunningTotal : public SendGenerator<int, int> {
public:
    // Like calling the generator function: none of the body runs yet.
    RunningTotal(int count, common::Log& log) : count_(count), log_(&log) {}

    // The running total so far; once finished, the generator's return value.
    [[nodiscard]] int total() const noexcept { return c_; }

protected:
    std::optional<int> resume(std::optional<int> sent) override {
        switch (resume_at_) {
            case ResumeAt::start:
                c_ = 0;
                i_ = 0;
                break;
            case ResumeAt::after_yield:
                // This is `c += yield i`: the value arrives where the body paused.
                c_ += sent.value_or(0);
                if (sent) {
                    log_->print("running_total: got {}, c = {}", *sent, c_);
                } else {
                    log_->print("running_total: got None, c = {}", c_);
                }
                ++i_;
                break;
        }
        if (i_ < count_) {
            log_->print("running_total: yield {}", i_);
            resume_at_ = ResumeAt::after_yield;
            return i_;
        }
        log_->print("running_total: finished, c = {}", c_);
        return std::nullopt;
    }

private:
    enum class ResumeAt { start, after_yield };

    int count_;
    int c_ = 0;
    int i_ = 0;
    ResumeAt resume_at_ = ResumeAt::start;
    common::Log* log_;
};

}  // namespace coroutines
