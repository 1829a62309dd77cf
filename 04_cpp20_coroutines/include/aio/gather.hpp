// aio::gather: runs coroutines (or tasks) concurrently and returns all their results, in the
// order given. Unlike asyncio, it always waits for every child before it returns or throws:
// in C++ a child that outlived gather could point into a frame that is gone. Then it rethrows
// the first exception raised, in time. Sections "count" and "tasks".
#pragma once

#include <cstddef>
#include <exception>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "aio/coroutine.hpp"
#include "aio/task.hpp"

namespace aio {

namespace detail {

// Waits for every task, then rethrows the exception of the one that failed first (finish
// order is kept in wait_id), if any. If the waiting task is cancelled meanwhile, it cancels
// them all, still waits for each one, then throws CancelledError.
Coroutine<void> wait_all(std::vector<PromiseBase*> tasks);

template <class T>
using Gathered = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

// A task of another loop is refused before gather schedules anything (asyncio raises
// RuntimeError: "Task got Future <_GatheringFuture pending> attached to a different loop").
template <class T>
void check_same_loop(const Task<T>& task) {
    if (task.root().loop != &get_running_loop()) {
        throw std::logic_error(
            "gather: a task of another event loop (asyncio: Task got Future attached to a different loop)");
    }
}
template <class T>
void check_same_loop(const Coroutine<T>& /*coroutine*/) noexcept {}  // becomes a task of this loop

template <class T>
Task<T> as_task(Coroutine<T> coroutine) {
    return create_task(std::move(coroutine));
}
template <class T>
Task<T> as_task(Task<T> task) noexcept {
    return task;
}

// The child's result, moved out if gather holds its only handle (a move-only T works).
template <class T>
Gathered<T> gathered_result(Task<T>& task) {
    if constexpr (std::is_void_v<T>) {
        task.take_result();
        return {};
    } else {
        return task.take_result();
    }
}

}  // namespace detail

// gather(a, b, c) -> std::tuple of their results (void gives std::monostate).
template <class... Awaitables>
Coroutine<std::tuple<detail::Gathered<typename Awaitables::value_type>...>> gather(Awaitables... awaitables) {
    (detail::check_same_loop(awaitables), ...);
    // Braces: the tasks are created in argument order, so they start in that order.
    std::tuple<Task<typename Awaitables::value_type>...> tasks{detail::as_task(std::move(awaitables))...};
    std::vector<detail::PromiseBase*> roots =
        std::apply([](const auto&... task) { return std::vector<detail::PromiseBase*>{&task.root()...}; }, tasks);
    co_await detail::wait_all(roots);
    co_return std::apply([](auto&... task) { return std::make_tuple(detail::gathered_result(task)...); }, tasks);
}

// gather(std::vector<Coroutine<T>>) -> std::vector of their results, in order.
template <class T>
Coroutine<std::vector<detail::Gathered<T>>> gather(std::vector<Coroutine<T>> coroutines) {
    std::vector<Task<T>> tasks;
    std::vector<detail::PromiseBase*> roots;
    tasks.reserve(coroutines.size());
    roots.reserve(coroutines.size());
    for (Coroutine<T>& coroutine : coroutines) {
        tasks.push_back(create_task(std::move(coroutine)));
        roots.push_back(&tasks.back().root());
    }
    co_await detail::wait_all(roots);
    std::vector<detail::Gathered<T>> results;
    results.reserve(tasks.size());
    for (Task<T>& task : tasks) results.push_back(detail::gathered_result(task));
    co_return results;
}

}  // namespace aio
