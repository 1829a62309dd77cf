// Solution: a pool of consumers that handles every item of a queue, then shuts down cleanly.
#pragma once

#include <exception>
#include <vector>

#include "aio/aio.hpp"
#include "aio/queue.hpp"

namespace exercises {

inline aio::Coroutine<void> worker(aio::Queue<int>& queue, std::vector<int>& handled) {
    for (;;) {
        const int item = co_await queue.get();
        co_await aio::sleep(item / 10.0);
        handled.push_back(item);
        queue.task_done();
    }
}

inline aio::Coroutine<void> run_pool(aio::Queue<int>& queue, int workers, std::vector<int>& handled) {
    std::vector<aio::Task<void>> tasks;
    for (int i = 0; i < workers; ++i) tasks.push_back(aio::create_task(worker(queue, handled)));
    // Cancelled while it waits for the join, the pool still stops its workers before it ends:
    // they refer to the caller's queue and vector, which may not outlive this call.
    std::exception_ptr cancelled;
    try {
        co_await queue.join();
    } catch (const aio::CancelledError&) {
        cancelled = std::current_exception();
    }
    for (aio::Task<void>& task : tasks) task.cancel();
    for (aio::Task<void>& task : tasks) {
        try {
            co_await task;  // it ends at its next turn, with CancelledError
        } catch (const aio::CancelledError&) {}
    }
    if (cancelled) std::rethrow_exception(cancelled);
}

}  // namespace exercises
