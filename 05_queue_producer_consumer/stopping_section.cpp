#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/queue.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Three items, one a second.
aio::Coroutine<void> produce(common::Context& ctx, aio::Queue<int>& queue) {
    for (int item = 1; item <= 3; ++item) {
        co_await aio::sleep(1.0);
        co_await queue.put(item);
        ctx.log.print("  producer: put {}", item);
    }
    ctx.log.print("  producer: done");
}

// The consumer of every variant: get, work for half a second, task_done.
// (The timeline's lanes are named after the variant: "2 consumer 1" is consumer 1 of variant 2.)
aio::Coroutine<void> consume(common::Context& ctx, aio::Queue<int>& queue, std::string name, int variant) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, fmt::format("{} {}", variant, name), "consuming");
    for (;;) {
        const int item = co_await queue.get();
        co_await aio::sleep(0.5);
        ctx.log.print("  {}: handled {}", name, item);
        queue.task_done();
    }
}

// 1. Nobody says that production is over: the consumer waits in get() for ever. wait_for cuts
//    the wait at 10 s, so that the lesson goes on.
aio::Coroutine<void> forever(common::Context& ctx) {
    aio::Queue<int> queue;
    aio::Task<void> consumer = aio::create_task(consume(ctx, queue, "consumer", 1));
    co_await produce(ctx, queue);
    try {
        co_await aio::wait_for(consumer, 10.0);
    } catch (const aio::TimeoutError&) {
        ctx.log.print("  main: 10 s later the consumer still waits in get(): nobody told it to stop");
    }
}

// 2. asyncq's way: join() waits until every item has had its task_done(), then cancel().
aio::Coroutine<void> join_then_cancel(common::Context& ctx) {
    aio::Queue<int> queue;
    aio::Task<void> first = aio::create_task(consume(ctx, queue, "consumer 1", 2));
    aio::Task<void> second = aio::create_task(consume(ctx, queue, "consumer 2", 2));
    co_await produce(ctx, queue);
    co_await queue.join();
    ctx.log.print("  main: join() returned: every item handled; cancelling the idle consumers");
    first.cancel();
    second.cancel();
}

// 3. A sentinel (poison pill): an empty optional tells one consumer to stop.
aio::Coroutine<void> consume_until_sentinel(common::Context& ctx, aio::Queue<std::optional<int>>& queue,
                                            std::string name) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, fmt::format("3 {}", name), "consuming");
    for (;;) {
        const std::optional<int> item = co_await queue.get();
        if (!item) {
            ctx.log.print("  {}: got the sentinel, stopping", name);
            co_return;
        }
        co_await aio::sleep(0.5);
        ctx.log.print("  {}: handled {}", name, *item);
    }
}

aio::Coroutine<void> sentinel(common::Context& ctx) {
    aio::Queue<std::optional<int>> queue;
    aio::Task<void> first = aio::create_task(consume_until_sentinel(ctx, queue, "consumer 1"));
    aio::Task<void> second = aio::create_task(consume_until_sentinel(ctx, queue, "consumer 2"));
    for (int item = 1; item <= 3; ++item) {
        co_await aio::sleep(1.0);
        co_await queue.put(item);
        ctx.log.print("  producer: put {}", item);
    }
    ctx.log.print("  producer: done; one sentinel per consumer (so it must know how many there are)");
    co_await queue.put(std::nullopt);
    co_await queue.put(std::nullopt);
    co_await first;
    co_await second;
}

// 4. shutdown() (Python 3.13): get() raises QueueShutDown once the queue is empty.
aio::Coroutine<void> consume_until_shutdown(common::Context& ctx, aio::Queue<int>& queue, std::string name) {
    try {
        co_await consume(ctx, queue, name, 4);
    } catch (const aio::QueueShutDown&) {
        ctx.log.print("  {}: QueueShutDown: the queue is empty and shut down, stopping", name);
    }
}

aio::Coroutine<void> shutdown(common::Context& ctx) {
    aio::Queue<int> queue;
    aio::Task<void> first = aio::create_task(consume_until_shutdown(ctx, queue, "consumer 1"));
    aio::Task<void> second = aio::create_task(consume_until_shutdown(ctx, queue, "consumer 2"));
    co_await produce(ctx, queue);
    queue.shutdown();
    ctx.log.print("  main: shutdown(): no more puts; the consumers finish what is queued");
    co_await first;
    co_await second;
}

void run_variant(common::Context& ctx, const char* title, aio::Coroutine<void> (*variant)(common::Context&)) {
    ctx.log.plain("{}", title);
    const double start = ctx.clock.now();
    aio::run(variant(ctx), {.clock = &ctx.clock});
    ctx.log.print("  over after {} s", ctx.clock.now() - start);
}

}  // namespace

void stopping(common::Context& ctx) {
    run_variant(ctx, "1. No stop signal: the consumer waits for ever", forever);
    run_variant(ctx, "2. join() then cancel(): asyncq's way", join_then_cancel);
    run_variant(ctx, "3. A sentinel per consumer", sentinel);
    run_variant(ctx, "4. shutdown(): the queue itself says it is over", shutdown);
}

}  // namespace sections
