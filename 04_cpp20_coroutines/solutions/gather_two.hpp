// Solution: gather for exactly two coroutines, returning both results as a pair.
#pragma once

#include <exception>
#include <utility>

#include "aio/aio.hpp"

namespace exercises {

template <class A, class B>
aio::Coroutine<std::pair<A, B>> gather_two(aio::Coroutine<A> a, aio::Coroutine<B> b) {
    // Both tasks exist before we wait for either: that is what makes them run together.
    aio::Task<A> task_a = aio::create_task(std::move(a));
    aio::Task<B> task_b = aio::create_task(std::move(b));
    // Wait for both, whatever happens, so no child outlives us.
    std::exception_ptr error;
    try {
        co_await task_a;
    } catch (...) {
        error = std::current_exception();
    }
    try {
        co_await task_b;
    } catch (...) {
        if (!error) error = std::current_exception();
    }
    if (error) std::rethrow_exception(error);
    co_return std::pair<A, B>(task_a.result(), task_b.result());
}

}  // namespace exercises
