// The lesson's sections, one function each, registered by main.cpp.
#pragma once

#include <cstdint>

#include "common/lesson.hpp"

namespace sections {

// asyncq.py's command line: -p/--nprod, -c/--ncon, and the seed of random.seed(444).
struct AsyncqOptions {
    int nprod = 5;
    int ncon = 10;
    std::uint64_t seed = 444;
    int maxsize = 0;  // asyncio.Queue(): no bound
};

// 1. The originals' producers and consumers (Real Python's asyncq.py).
void asyncq(common::Context& ctx, AsyncqOptions options);
// 2. How consumers learn that production is over: nothing, join() + cancel, a sentinel, shutdown().
void stopping(common::Context& ctx);
// 2b. A consumer that fails before task_done(): join() waits for ever, and the fix.
void failing(common::Context& ctx);
// 3. Back-pressure: a fast producer, a slow consumer, maxsize 0 against 10.
void backpressure(common::Context& ctx);
// 4. A pipeline of stages joined by queues, and its bottleneck.
void pipeline(common::Context& ctx);
// 5. Synchronisation in one thread: a lost update and its Lock, an Event, a Semaphore.
void lock(common::Context& ctx);
void event(common::Context& ctx);
void semaphore(common::Context& ctx);
// 6. A Condition guarding a bounded shelf, and the bug BoundedSemaphore catches.
void condition(common::Context& ctx);

}  // namespace sections
