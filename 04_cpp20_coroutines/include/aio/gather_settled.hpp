// aio::gather_settled: gather that never throws for its children. Every child's outcome comes
// back, a value or an exception, in the order given (asyncio: gather(..., return_exceptions=True)).
// Like gather, it waits for every child, and a cancel() of the gathering task still cancels them
// all, waits for them, and throws CancelledError. Section "settled".
#pragma once

#include <exception>
#include <type_traits>
#include <utility>
#include <vector>

#include "aio/coroutine.hpp"
#include "aio/gather.hpp"
#include "aio/outcome.hpp"

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

}  // namespace detail

// gather_settled(a, b, c) -> std::tuple of Outcome<T>, one per argument, in argument order.
template <class... Awaitables>
Coroutine<std::tuple<Outcome<typename Awaitables::value_type>...>> gather_settled(Awaitables... awaitables) {
    return gather(detail::settle(std::move(awaitables))...);
}

// gather_settled(std::vector<Coroutine<T>>) -> std::vector<Outcome<T>>, in order.
template <class T>
Coroutine<std::vector<Outcome<T>>> gather_settled(std::vector<Coroutine<T>> coroutines) {
    std::vector<Coroutine<Outcome<T>>> settled;
    settled.reserve(coroutines.size());
    for (Coroutine<T>& coroutine : coroutines) settled.push_back(detail::settle(std::move(coroutine)));
    return gather(std::move(settled));
}

}  // namespace aio
