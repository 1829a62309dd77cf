// Solution: gather for exactly two coroutines, returning both results as a pair.
#pragma once

#include <exception>
#include <utility>

#include "aio/aio.hpp"

namespace exercises {

// Waits until `task` has finished and returns the first exception that came out of the wait, if
// any. A cancel() of the task running us goes on to `task` first, so `co_await task` ends once
// `task` has stopped (section "propagate"); should a wait ever end with `task` still running,
// the loop passes the cancel on and waits again, so nothing is left running behind us.
// do-while, not while: the first await must happen even if `task` is done already, because
// awaiting a task that failed is what retrieves its exception ("Task exception was never
// retrieved" otherwise).
template <class T>
aio::Coroutine<std::exception_ptr> settle(aio::Task<T> task) {
    std::exception_ptr first;
    do {
        try {
            co_await task;
        } catch (...) {
            if (!first) first = std::current_exception();
        }
        if (!task.done()) task.cancel();  // a wait that let go early: pass the cancel on
    } while (!task.done());
    co_return first;
}

inline bool is_cancellation(const std::exception_ptr& error) {
    try {
        std::rethrow_exception(error);
    } catch (const aio::CancelledError&) {
        return true;
    } catch (...) {
        return false;
    }
}

template <class A, class B>
aio::Coroutine<std::pair<A, B>> gather_two(aio::Coroutine<A> a, aio::Coroutine<B> b) {
    // Both tasks exist before we wait for either: that is what makes them run together.
    aio::Task<A> task_a = aio::create_task(std::move(a));
    aio::Task<B> task_b = aio::create_task(std::move(b));
    // Wait for both, whatever happens, so no child outlives us.
    std::exception_ptr error = co_await settle(task_a);
    // Cancelled while waiting for a (the cancel went on to a): b must stop too. A cancel()
    // arriving while we wait for b goes on to b by itself.
    if (error && is_cancellation(error)) task_b.cancel();
    const std::exception_ptr error_b = co_await settle(task_b);
    if (!error) error = error_b;  // a's exception wins: argument order
    if (error) std::rethrow_exception(error);
    co_return std::pair<A, B>(task_a.result(), task_b.result());
}

}  // namespace exercises
