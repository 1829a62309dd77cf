#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/queue.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Handling an item takes 1 s, and item 2 is bad.
aio::Coroutine<void> handle(common::Context& ctx, int item) {
    co_await aio::sleep(1.0);
    if (item == 2) throw std::runtime_error(fmt::format("item {} is bad", item));
    ctx.log.print("  handled {}", item);
}

// The pitfall: an exception between get() and task_done() skips task_done(), and ends the
// consumer too. Nobody will ever count that item done.
aio::Coroutine<void> careless_consumer(common::Context& ctx, aio::Queue<int>& queue) {
    for (;;) {
        const int item = co_await queue.get();
        co_await handle(ctx, item);
        queue.task_done();
    }
}

// Calls task_done() when it goes out of scope, however: Python's `finally: q.task_done()`.
class TaskDone {
public:
    explicit TaskDone(aio::Queue<int>& queue) noexcept : queue_(queue) {}
    TaskDone(const TaskDone&) = delete;
    TaskDone& operator=(const TaskDone&) = delete;
    ~TaskDone() { queue_.task_done(); }

private:
    aio::Queue<int>& queue_;
};

// The fix: the item is done whatever happens to it, and a bad item does not end the consumer.
aio::Coroutine<void> careful_consumer(common::Context& ctx, aio::Queue<int>& queue) {
    for (;;) {
        const int item = co_await queue.get();
        const TaskDone done(queue);
        try {
            co_await handle(ctx, item);
        } catch (const std::exception& error) {
            ctx.log.print("  failed: {}", error.what());
        }
    }
}

aio::Coroutine<void> every_item_done(aio::Queue<int>& queue) { co_await queue.join(); }

template <class Consumer>
aio::Coroutine<void> three_items(common::Context& ctx, Consumer consumer) {
    aio::Queue<int> queue;
    for (int item = 1; item <= 3; ++item) queue.put_nowait(item);
    aio::Task<void> worker = aio::create_task(consumer(ctx, queue));
    try {
        co_await aio::wait_for(every_item_done(queue), 10.0);
        ctx.log.print("  join() returned: every item is done");
    } catch (const aio::TimeoutError&) {
        ctx.log.print("  join() still waits after 10 s: {} item(s) never taken, the consumer is {}", queue.qsize(),
                      worker.done() ? "gone" : "alive");
    }
    worker.cancel();
    try {
        co_await worker;
    } catch (const aio::CancelledError&) {  // the careful consumer, sent home
    } catch (const std::exception& error) {
        ctx.log.print("  the consumer had died of: {}", error.what());
    }
}

}  // namespace

void failing(common::Context& ctx) {
    ctx.log.plain("A consumer that fails between get() and task_done(); three items, item 2 is bad:");
    aio::run(three_items(ctx, careless_consumer), {.clock = &ctx.clock});
    ctx.log.plain("The fix: task_done() in a destructor (Python: finally), and the error caught:");
    aio::run(three_items(ctx, careful_consumer), {.clock = &ctx.clock});
}

}  // namespace sections
