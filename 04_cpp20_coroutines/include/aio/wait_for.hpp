// aio::wait_for: awaits a coroutine or task with a deadline. At the deadline the work is
// cancelled, and wait_for waits until it has really stopped before it throws TimeoutError
// (or returns the value, if the work swallowed the cancellation and returned one).
// Section "tasks".
#pragma once

#include <stdexcept>
#include <utility>

#include "aio/coroutine.hpp"
#include "aio/errors.hpp"
#include "aio/task.hpp"
#include "aio/wait_done.hpp"

namespace aio {

template <class T>
Coroutine<T> wait_for(Task<T> task, double seconds) {
    if (task.root().loop != &get_running_loop()) {  // before anything waits
        throw std::logic_error(
            "wait_for: a task of another event loop (asyncio: ValueError: The future belongs to a different loop "
            "than the one specified as the loop argument)");
    }
    // A cancel() of ours goes on to the work; we then return what it ends with.
    detail::CancelOneTask forward(task.root());
    const bool in_time = co_await detail::DoneOrDeadline(task.root(), seconds, forward);
    if (!in_time) {
        // Too late: the work must stop before we go (no orphan). A cancel() of ours, now or
        // since the deadline, goes on to it too, and wins over the timeout.
        task.cancel();
        co_await detail::DoneAwaiter(task.root(), forward);
        if (task.cancelled()) {
            task.root().retrieved = true;
            if (forward.forwarded()) throw CancelledError{};
            throw TimeoutError{};
        }
        // It swallowed the cancellation and returned (or failed): that is the outcome (asyncio
        // 3.11 and 3.12 return the value too).
    }
    co_return task.take_result();
}

template <class T>
Coroutine<T> wait_for(Coroutine<T> coroutine, double seconds) {
    co_return co_await wait_for(create_task(std::move(coroutine)), seconds);
}

}  // namespace aio
