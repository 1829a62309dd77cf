#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Python:
//     async def main():
//         print("Hello ...")
//         await asyncio.sleep(2)
//         print("... World!")
//     asyncio.run(main())
aio::Coroutine<void> hello_main(common::Context& ctx) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "main", "await sleep(2)");
    ctx.log.print("Hello ...");
    co_await aio::sleep(2.0);
    ctx.log.print("... World!");
}

}  // namespace

void hello(common::Context& ctx) { aio::run(hello_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
