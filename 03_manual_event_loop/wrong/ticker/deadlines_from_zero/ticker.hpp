// Wrong: deadlines add up from 0, so they are right only for a ticker started at 0.
// Solution: a generator-style task that returns a value through the loop.
#pragma once

#include <cmath>
#include <stdexcept>
#include <string>
#include <utility>

#include "common/log.hpp"
#include "step.hpp"

namespace exercises {

class Ticker {
public:
    Ticker(std::string name, int ticks, double interval, const common::Clock& clock, common::Log& log)
        : name_(std::move(name)), ticks_(ticks), interval_(interval), clock_(&clock), log_(&log) {}

    manual_loop::Step operator()() {
        switch (resume_at_) {
            case ResumeAt::start:
                start_ = clock_->now();
                i_ = 0;
                break;
            case ResumeAt::sleeping:
                // A busy loop may step us early: keep yielding until the deadline has passed.
                if (clock_->now() < deadline_) return manual_loop::Yield{deadline_};
                break;
            case ResumeAt::finished:
                throw std::logic_error("ticker stepped after it returned");
        }
        if (i_ < ticks_) {
            ++i_;
            log_->print("{}: tick {}", name_, i_);
            deadline_ += interval_;
            resume_at_ = ResumeAt::sleeping;
            return manual_loop::Yield{deadline_};
        }
        log_->print("{}: done", name_);
        resume_at_ = ResumeAt::finished;
        return manual_loop::Return{static_cast<int>(std::lround((clock_->now() - start_) * 1000.0))};
    }

private:
    enum class ResumeAt { start, sleeping, finished };

    std::string name_;
    int ticks_;
    double interval_;
    const common::Clock* clock_;
    common::Log* log_;
    // The frame: the body's locals, kept between steps.
    ResumeAt resume_at_ = ResumeAt::start;
    double start_ = 0.0;
    double deadline_ = 0.0;
    int i_ = 0;
};

}  // namespace exercises
