// aio::sleep: suspends the task on the loop for a while. sleep(0) gives the loop exactly one
// turn (the task goes to the back of the ready queue). Sections "loop", "hello" and "sleepers".
#pragma once

#include <chrono>
#include <concepts>
#include <coroutine>

#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"

namespace aio {

class SleepAwaiter {
public:
    explicit SleepAwaiter(double seconds) noexcept : seconds_(seconds) {}

    [[nodiscard]] bool await_ready() const noexcept { return false; }
    template <std::derived_from<detail::PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) const {
        detail::PromiseBase* task = frame.promise().task;
        EventLoop& loop = *task->loop;
        if (!(seconds_ > 0.0)) {  // 0, negative or NaN: one turn of the loop
            task->suspend(frame, 0);
            loop.schedule(task);
            return;
        }
        const std::uint64_t id = loop.new_wait_id();
        loop.add_timer(loop.time() + seconds_, task, id);
        task->suspend(frame, id);
    }
    // CancelledError arrives here when the task is cancelled while it sleeps. The task is the
    // one running now: a million sleeping frames need not hold a pointer to it each.
    void await_resume() const { detail::PromiseBase::current()->throw_if_cancelled(); }

private:
    double seconds_;
};

inline SleepAwaiter sleep(double seconds) noexcept { return SleepAwaiter(seconds); }

template <class Rep, class Period>
SleepAwaiter sleep(std::chrono::duration<Rep, Period> duration) noexcept {
    return SleepAwaiter(std::chrono::duration<double>(duration).count());
}

}  // namespace aio
