// aio::wait: asyncio.wait. Waits until the first task finishes (FIRST_COMPLETED), the first one
// raises (FIRST_EXCEPTION) or all have finished (ALL_COMPLETED), or until the timeout; returns
// the tasks split into done and pending. It cancels nothing, not even at the timeout: what to do
// with the pending ones is the caller's decision. Section "racing".
#pragma once

#include <optional>
#include <utility>
#include <vector>

#include "aio/coroutine.hpp"
#include "aio/promise_base.hpp"
#include "aio/task.hpp"

namespace aio {

enum class ReturnWhen { FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED };
using enum ReturnWhen;  // aio::FIRST_COMPLETED reads like asyncio.FIRST_COMPLETED

// What wait returns, each part in the order the tasks were given: auto [done, pending] = ...
template <class T>
struct WaitResult {
    std::vector<Task<T>> done;
    std::vector<Task<T>> pending;
};

namespace detail {

// The loop of wait, for any T. Throws std::invalid_argument for an empty list (asyncio:
// ValueError), std::logic_error for a task it cannot wait for (wait_checks.hpp). No timeout,
// or an infinite one, waits as long as it takes; a negative or NaN one waits one turn.
Coroutine<void> wait_until(std::vector<PromiseBase*> tasks, ReturnWhen return_when, std::optional<double> timeout);

}  // namespace detail

template <class T>
Coroutine<WaitResult<T>> wait(std::vector<Task<T>> tasks, ReturnWhen return_when = ALL_COMPLETED,
                              std::optional<double> timeout = std::nullopt) {
    std::vector<detail::PromiseBase*> roots;
    roots.reserve(tasks.size());
    for (const Task<T>& task : tasks) roots.push_back(&task.root());
    co_await detail::wait_until(std::move(roots), return_when, timeout);
    WaitResult<T> result;
    for (Task<T>& task : tasks) {
        if (task.done()) {
            result.done.push_back(std::move(task));
        } else {
            result.pending.push_back(std::move(task));
        }
    }
    co_return result;
}

}  // namespace aio
