#include <string>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "common/duration.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Python:
//     async def worker(name):
//         for step in (1, 2):
//             print(f"{name}: step {step}, sleeping 1 s")
//             await asyncio.sleep(1)
//         print(f"{name}: done")
aio::Coroutine<void> worker(common::Context& ctx, std::string name, std::size_t colour) {
    const common::Style style = common::actor_style(colour);
    for (int step = 1; step <= 2; ++step) {
        ctx.log.print(style, "{}: step {}, sleeping 1 s", name, step);
        const common::ScopedSpan span(ctx.timeline, ctx.clock, name, fmt::format("sleep {}", step));
        co_await aio::sleep(1.0);
    }
    ctx.log.print(style, "{}: done", name);
}

aio::Coroutine<void> sleepers_main(common::Context& ctx) {
    const double start = aio::time();
    co_await aio::gather(worker(ctx, "Task A", 0), worker(ctx, "Task B", 1));
    ctx.log.print("both done after {}: each slept 2 s, at the same time (not 4 s)",
                  common::format_duration(aio::time() - start));
}

}  // namespace

void sleepers(common::Context& ctx) { aio::run(sleepers_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
