// Wrong: the workers are never cancelled: they wait on the empty queue for ever.
// Solution: a pool of consumers that handles every item of a queue, then shuts down cleanly.
#pragma once

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
    co_await queue.join();
}

}  // namespace exercises
