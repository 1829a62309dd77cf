#include "aio/aio.hpp"
#include "common/duration.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Python (Real Python's countasync.py):
//     async def count():
//         print("One")
//         await asyncio.sleep(1)
//         print("Two")
aio::Coroutine<void> count(common::Context& ctx, int id) {
    const common::Style style = common::actor_style(static_cast<std::size_t>(id));
    const common::ScopedSpan span(ctx.timeline, ctx.clock, fmt::format("count {}", id), "One .. Two");
    ctx.log.print(style, "One");
    co_await aio::sleep(1.0);
    ctx.log.print(style, "Two");
}

aio::Coroutine<void> count_main(common::Context& ctx) {
    ctx.log.print("await asyncio.gather(count(), count(), count())");
    double start = aio::time();
    co_await aio::gather(count(ctx, 0), count(ctx, 1), count(ctx, 2));
    ctx.log.print("gather: {} for three counts", common::format_duration(aio::time() - start));

    ctx.log.print("await count(); await count(); await count()");
    start = aio::time();
    for (int id = 0; id < 3; ++id) co_await count(ctx, id);
    ctx.log.print("one after the other: {}", common::format_duration(aio::time() - start));
}

}  // namespace

void count(common::Context& ctx) { aio::run(count_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
