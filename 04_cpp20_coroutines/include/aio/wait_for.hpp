// aio::wait_for: awaits a coroutine or task with a deadline. At the deadline the work is
// cancelled, and wait_for waits until it has really stopped before it throws TimeoutError.
// Section "tasks".
#pragma once

#include <utility>

#include "aio/coroutine.hpp"
#include "aio/errors.hpp"
#include "aio/task.hpp"
#include "aio/wait_done.hpp"

namespace aio {

template <class T>
Coroutine<T> wait_for(Task<T> task, double seconds) {
    bool in_time = false;
    bool cancelled = false;
    try {
        in_time = co_await detail::DoneOrDeadline(task.root(), seconds);
    } catch (const CancelledError&) {
        cancelled = true;
    }
    if (!in_time) {
        // Too late, or we were cancelled: the work must stop before we go (no orphan).
        task.cancel();
        co_await detail::DoneAwaiter(task.root(), true);
        if (cancelled) throw CancelledError{};
        throw TimeoutError{};
    }
    co_return task.result();
}

template <class T>
Coroutine<T> wait_for(Coroutine<T> coroutine, double seconds) {
    co_return co_await wait_for(create_task(std::move(coroutine)), seconds);
}

}  // namespace aio
