#include <string>

#include "aio/aio.hpp"
#include "common/duration.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Python (the asyncio documentation's say_after, as two readers):
//     async def read(name, seconds):
//         print(f"start reading {name}")
//         await asyncio.sleep(seconds)
//         print(f"finished reading {name}")
aio::Coroutine<void> read(common::Context& ctx, std::string name, double seconds) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, name, "reading");
    ctx.log.print("  start reading {} ({})", name, common::format_duration(seconds));
    co_await aio::sleep(seconds);
    ctx.log.print("  finished reading {}", name);
}

aio::Coroutine<void> readers_main(common::Context& ctx) {
    ctx.log.print("await read(a, 1 s); await read(b, 2 s)   # one after the other");
    double start = aio::time();
    co_await read(ctx, "file a", 1.0);
    co_await read(ctx, "file b", 2.0);
    ctx.log.print("sequential: {}", common::format_duration(aio::time() - start));

    ctx.log.print("a = create_task(read(a, 1 s)); b = create_task(read(b, 2 s)); await a; await b");
    start = aio::time();
    aio::Task<void> a = aio::create_task(read(ctx, "file c", 1.0));
    aio::Task<void> b = aio::create_task(read(ctx, "file d", 2.0));
    co_await a;
    co_await b;
    ctx.log.print("with create_task: {}", common::format_duration(aio::time() - start));
}

}  // namespace

void readers(common::Context& ctx) { aio::run(readers_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
