// aio::shield: asyncio.shield. co_await shield(task) waits for the task and returns its result,
// but a cancel() of the waiting task stops only the wait: the waiter gets CancelledError at once
// and the task runs on. Only a Task can be shielded: the work goes on after the waiter has gone,
// so someone must hold it. Section "settled".
#pragma once

#include <array>
#include <optional>

#include "aio/coroutine.hpp"
#include "aio/first_done.hpp"
#include "aio/task.hpp"
#include "aio/wait_checks.hpp"

namespace aio {

template <class T>
Coroutine<T> shield(Task<T> task) {
    detail::check_can_wait(task.root(), "shield");
    const std::array<detail::PromiseBase*, 1> awaited{&task.root()};
    co_await detail::FirstDone(awaited, std::nullopt);  // unlike co_await task: cancel() stops here
    co_return task.result();
}

}  // namespace aio
