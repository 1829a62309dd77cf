// Exercise: an awaiter written by hand, the three calls the compiler makes at every co_await.
//
// Python has loop.call_at(when, callback) but no "sleep until"; write one as an awaiter:
//     double late = co_await exercises::sleep_until(deadline);
// - await_ready(): a deadline that has passed (or is now) needs no waiting: say so, and the task
//   goes on at once, without even a turn of the loop (sleep(0) would give one).
// - await_suspend(frame): hand the frame to the loop until the deadline. aio::sleep(seconds)
//   returns an awaiter that already knows how: make one for the time that is left, and pass
//   the frame on to its await_suspend.
// - await_resume(): the value of the co_await, how late the task goes on (now - deadline, in
//   seconds: 0 on time, more when something blocked the loop). A task cancelled while it waits
//   gets aio::CancelledError here: the inner awaiter's await_resume delivers it.
// Run its tests: ./course exercise sleep_until
#pragma once

#include <coroutine>

#include "aio/aio.hpp"
#include "common/todo.hpp"

namespace exercises {

class SleepUntil {
public:
    explicit SleepUntil(double deadline) noexcept : deadline_(deadline) {}

    [[nodiscard]] bool await_ready() const {
        // TODO: true when the running loop's time (aio::time()) has reached the deadline.
        (void)deadline_;
        common::todo("SleepUntil::await_ready()");
    }

    template <class Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        // TODO: let an aio::sleep awaiter for the time that is left park `frame` on the loop,
        // and keep that awaiter: await_resume needs it.
        (void)frame;
        common::todo("SleepUntil::await_suspend(frame)");
    }

    double await_resume() {
        // TODO: after a suspension, the inner awaiter's await_resume() first (cancellation),
        // then return how late the task goes on.
        common::todo("SleepUntil::await_resume()");
    }

private:
    double deadline_;
};

inline SleepUntil sleep_until(double deadline) noexcept { return SleepUntil(deadline); }

}  // namespace exercises
