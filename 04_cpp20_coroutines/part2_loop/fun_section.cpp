#include "aio/aio.hpp"
#include "common/duration.hpp"
#include "sections.hpp"

namespace sections {

namespace {

aio::Coroutine<void> background(common::Context& ctx) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "background", "sleep 2 s");
    ctx.log.print("  background: sleeps 2 s");
    co_await aio::sleep(2.0);
    ctx.log.print("  background: done");
}

// Python:
//     task = asyncio.create_task(background())
//     await task               # first the 2 s task...
//     await asyncio.sleep(1)   # ...then 1 s more: 3 s
aio::Coroutine<void> await_first(common::Context& ctx) {
    const double start = aio::time();
    aio::Task<void> task = aio::create_task(background(ctx));
    co_await task;
    ctx.log.print("  main: sleeps 1 s");
    {
        const common::ScopedSpan span(ctx.timeline, ctx.clock, "main", "sleep 1 s (after)");
        co_await aio::sleep(1.0);
    }
    ctx.log.print("await the task, then sleep(1): {}", common::format_duration(aio::time() - start));
}

//     task = asyncio.create_task(background())
//     await asyncio.sleep(1)   # the task runs meanwhile...
//     await task               # ...and has 1 s left: 2 s
aio::Coroutine<void> sleep_first(common::Context& ctx) {
    const double start = aio::time();
    aio::Task<void> task = aio::create_task(background(ctx));
    ctx.log.print("  main: sleeps 1 s");
    {
        const common::ScopedSpan span(ctx.timeline, ctx.clock, "main", "sleep 1 s (before)");
        co_await aio::sleep(1.0);
    }
    co_await task;
    ctx.log.print("sleep(1), then await the task: {}", common::format_duration(aio::time() - start));
}

aio::Coroutine<void> fun_main(common::Context& ctx) {
    co_await await_first(ctx);
    co_await sleep_first(ctx);
}

}  // namespace

void fun(common::Context& ctx) { aio::run(fun_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
