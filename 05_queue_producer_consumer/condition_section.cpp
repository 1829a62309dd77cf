#include <algorithm>
#include <deque>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/condition.hpp"
#include "aio/semaphore.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// A shelf between a cook and two waiters: at most two plates on it. A Condition guards the
// plates: whoever changes them notifies, whoever cannot go on waits for the change.
struct Shelf {
    static constexpr std::size_t capacity = 2;
    std::deque<int> plates;
    aio::Condition changed;
};

aio::Coroutine<void> cook(common::Context& ctx, Shelf& shelf, int plates) {
    for (int plate = 1; plate <= plates; ++plate) {
        co_await aio::sleep(0.5);  // cooking
        const aio::LockGuard guard = co_await shelf.changed.guard();
        if (shelf.plates.size() == Shelf::capacity)
            ctx.log.print("  cook: plate {} is ready, the shelf is full", plate);
        co_await shelf.changed.wait_for([&shelf] { return shelf.plates.size() < Shelf::capacity; });
        shelf.plates.push_back(plate);
        ctx.log.print("  cook: plate {} on the shelf ({} there)", plate, shelf.plates.size());
        shelf.changed.notify_all();  // waiters wait for a plate; notify_all wakes them all
    }
}

aio::Coroutine<void> waiter(common::Context& ctx, Shelf& shelf, int id, int plates) {
    for (int served = 0; served < plates; ++served) {
        int plate = 0;
        {
            const aio::LockGuard guard = co_await shelf.changed.guard();
            co_await shelf.changed.wait_for([&shelf] { return !shelf.plates.empty(); });
            plate = shelf.plates.front();
            shelf.plates.pop_front();
            shelf.changed.notify_all();  // the cook may be waiting for room
        }
        ctx.log.print("  waiter {}: takes plate {}", id, plate);
        co_await aio::sleep(2.25);  // to the table and back
    }
}

aio::Coroutine<void> service(common::Context& ctx) {
    Shelf shelf;
    co_await aio::gather(cook(ctx, shelf, 6), waiter(ctx, shelf, 1, 3), waiter(ctx, shelf, 2, 3));
}

// A pool of two connections. Task 1 has a bug: it gives its connection back twice.
template <class Pool>
aio::Coroutine<void> use_connection(common::Context& ctx, Pool& pool, int& running, int& most, int id, double seconds) {
    co_await pool.acquire();
    most = std::max(most, ++running);
    ctx.log.print("  task {} connected ({} at once)", id, running);
    co_await aio::sleep(seconds);
    --running;
    pool.release();
    if (id == 1) pool.release();  // the bug: a second release, say in a cleanup path
}

// Tasks 1 and 2 use the pool, then tasks 3, 4 and 5: returns how many were connected at once.
template <class Pool>
aio::Coroutine<int> connections(common::Context& ctx, Pool& pool) {
    int running = 0;
    int most = 0;
    co_await aio::gather(use_connection(ctx, pool, running, most, 1, 2.0),
                         use_connection(ctx, pool, running, most, 2, 1.0));
    co_await aio::gather(use_connection(ctx, pool, running, most, 3, 1.0),
                         use_connection(ctx, pool, running, most, 4, 1.0),
                         use_connection(ctx, pool, running, most, 5, 1.0));
    co_return most;
}

}  // namespace

void condition(common::Context& ctx) {
    ctx.log.plain("A Condition: a cook fills a shelf of 2 plates, two waiters empty it");
    aio::run(service(ctx), {.clock = &ctx.clock});

    ctx.log.plain("A Semaphore(2) as a pool of two connections; task 1 gives its connection back twice:");
    aio::Semaphore plain(2);
    const int most = aio::run(connections(ctx, plain), {.clock = &ctx.clock});
    ctx.log.plain("  {} connections at once from a pool of 2: the extra release() made a third, silently", most);

    ctx.log.plain("The same with a BoundedSemaphore(2):");
    aio::BoundedSemaphore bounded(2);
    try {
        aio::run(connections(ctx, bounded), {.clock = &ctx.clock});
    } catch (const std::logic_error& error) {
        ctx.log.print("  task 1's second release() throws: {}", error.what());
    }
}

}  // namespace sections
