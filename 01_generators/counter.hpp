// A lazy counter written by hand the way a compiler writes a generator: the object is the
// "frame" (its locals and where to resume), next() runs the body up to the next yield.
// Used by the sections "counter" and "range_for".
#pragma once

#include <optional>

#include "common/log.hpp"

namespace generators {

// Python:
//     def count_up_to(stop):
//         print("started")
//         i = 0
//         while i < stop:
//             yield i
//             i += 1
//         print("finished")
class CountUpTo {
public:
    using value_type = int;

    // Like calling a generator function: nothing of the body runs yet.
    CountUpTo(int stop, common::Log& log) : stop_(stop), log_(&log) {}

    // Runs the body from where it last stopped to the next yield; nullopt is StopIteration.
    std::optional<int> next() {
        switch (resume_at_) {
            case ResumeAt::start:
                log_->print("count_up_to: started");
                i_ = 0;
                break;
            case ResumeAt::after_yield:
                ++i_;
                break;
            case ResumeAt::finished:
                return std::nullopt;
        }
        if (i_ < stop_) {
            log_->print("count_up_to: yield {}", i_);
            resume_at_ = ResumeAt::after_yield;
            return i_;
        }
        log_->print("count_up_to: finished");
        resume_at_ = ResumeAt::finished;
        return std::nullopt;
    }

private:
    // Where the body resumes: the compiler's "suspend point index".
    enum class ResumeAt { start, after_yield, finished };

    // The frame: the generator's locals live here, between calls, not on the stack.
    int stop_;
    int i_ = 0;
    ResumeAt resume_at_ = ResumeAt::start;
    common::Log* log_;
};

// The generator function: calling it builds the frame and returns it, and runs none of the body.
inline CountUpTo count_up_to(int stop, common::Log& log) { return CountUpTo(stop, log); }

}  // namespace generators
