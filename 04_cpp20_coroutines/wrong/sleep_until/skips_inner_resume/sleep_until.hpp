// Wrong: await_resume never asks the inner awaiter, so a cancel() is not delivered.
// Solution: sleep_until(deadline), an awaiter written by hand over aio::sleep's awaiter.
#pragma once

#include <coroutine>
#include <optional>

#include "aio/aio.hpp"

namespace exercises {

class SleepUntil {
public:
    explicit SleepUntil(double deadline) noexcept : deadline_(deadline) {}

    // Written as "not before the deadline", so a NaN deadline counts as passed, as in aio::sleep.
    [[nodiscard]] bool await_ready() const { return !(aio::time() < deadline_); }

    template <class Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        // The awaiter lives in this one, in the suspended frame, until await_resume.
        timer_.emplace(aio::sleep(deadline_ - aio::time()));
        timer_->await_suspend(frame);
    }

    double await_resume() { return aio::time() - deadline_; }

private:
    double deadline_;
    std::optional<aio::SleepAwaiter> timer_;  // empty when await_ready() said no wait is needed
};

inline SleepUntil sleep_until(double deadline) noexcept { return SleepUntil(deadline); }

}  // namespace exercises
