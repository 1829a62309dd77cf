// Exercise: a pool of consumers that handles every item of a queue, then shuts down cleanly.
//
// Python:
//     async def worker(queue, handled):
//         while True:
//             item = await queue.get()
//             await asyncio.sleep(item / 10)      # the work: item tenths of a second
//             handled.append(item)
//             queue.task_done()
//
//     async def run_pool(queue, workers, handled):
//         tasks = [asyncio.create_task(worker(queue, handled)) for _ in range(workers)]
//         await queue.join()
//         for task in tasks:
//             task.cancel()
//         await asyncio.gather(*tasks, return_exceptions=True)
//
// When run_pool returns, every item is handled and no worker is left running. When it is
// cancelled while it waits, it ends cancelled, and no worker is left running either: they use
// the caller's queue and vector.
// Run its tests: ./course exercise consumer_pool
#pragma once

#include <vector>

#include "aio/aio.hpp"
#include "aio/queue.hpp"
#include "common/todo.hpp"

namespace exercises {

inline aio::Coroutine<void> run_pool(aio::Queue<int>& queue, int workers, std::vector<int>& handled) {
    // TODO: start `workers` worker tasks (write the worker coroutine too), wait until the queue
    // is joined, then cancel the workers and wait until each one has really stopped.
    (void)queue;
    (void)workers;
    (void)handled;
    common::todo("run_pool(queue, workers, handled)");
    co_return;
}

}  // namespace exercises
