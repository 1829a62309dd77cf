// aio::gather_settled: gather that never throws for its children. Every child's outcome comes
// back, a value or an exception, in the order given (asyncio: gather(..., return_exceptions=True)).
// Like gather, it waits for every child, and a cancel() of the gathering task still cancels them
// all, waits for them, and throws CancelledError. Section "settled".
#pragma once

#include <exception>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "aio/coroutine.hpp"
#include "aio/gather.hpp"
#include "aio/outcome.hpp"
#include "aio/task.hpp"
#include "aio/wait_checks.hpp"

namespace aio {

namespace detail {

// Runs one child (inline: it is still the child's own task that gather creates) and keeps what
// came out of it. A CancelledError is kept too: gather tells its own cancellation apart itself.
template <class Awaitable>
Coroutine<Outcome<typename Awaitable::value_type>> settle(Awaitable work) {
    using T = typename Awaitable::value_type;
    std::exception_ptr error;
    try {
        if constexpr (std::is_void_v<T>) {
            co_await work;
            co_return Outcome<T>::success({});
        } else {
            T value = co_await work;  // named: no co_await inside the call's arguments
            co_return Outcome<T>::success(std::move(value));
        }
    } catch (...) {
        error = std::current_exception();
    }
    co_return Outcome<T>::failure(std::move(error));
}

// Misuse is thrown, not kept as an outcome: an empty Coroutine or Task, a task of another loop,
// the gathering task itself.
template <class T>
void check_settleable(const Coroutine<T>& coroutine) {
    if (!coroutine.valid()) {
        throw std::logic_error("gather_settled: an empty aio::Coroutine (awaited already or moved from)");
    }
}
template <class T>
void check_settleable(const Task<T>& task) {
    check_can_wait(task.root(), "gather_settled");
}

}  // namespace detail

// gather_settled(a, b, c) -> std::tuple of Outcome<T>, one per argument, in argument order.
template <class... Awaitables>
Coroutine<std::tuple<Outcome<typename Awaitables::value_type>...>> gather_settled(Awaitables... awaitables) {
    (detail::check_settleable(awaitables), ...);
    co_return co_await gather(detail::settle(std::move(awaitables))...);
}

// gather_settled(std::vector<Coroutine<T>>) -> std::vector<Outcome<T>>, in order.
template <class T>
Coroutine<std::vector<Outcome<T>>> gather_settled(std::vector<Coroutine<T>> coroutines) {
    std::vector<Coroutine<Outcome<T>>> settled;
    settled.reserve(coroutines.size());
    for (const Coroutine<T>& coroutine : coroutines) detail::check_settleable(coroutine);
    for (Coroutine<T>& coroutine : coroutines) settled.push_back(detail::settle(std::move(coroutine)));
    co_return co_await gather(std::move(settled));
}

}  // namespace aio
