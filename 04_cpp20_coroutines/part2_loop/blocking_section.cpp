#include <string>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "common/duration.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Each step "works" 1 s: either by awaiting aio::sleep (the loop runs others meanwhile), or by
// blocking the thread like time.sleep() (nothing else can run: the loop is that thread).
aio::Coroutine<void> stepper(common::Context& ctx, std::string name, bool blocking) {
    for (int step = 1; step <= 3; ++step) {
        ctx.log.print("  {}: step {}", name, step);
        if (blocking) {
            {
                // The span is the step's work only, not the turn it then gives away.
                const common::ScopedSpan span(ctx.timeline, ctx.clock, name, fmt::format("step {}", step));
                ctx.clock.sleep_for(1.0);  // the mistake: time.sleep(1) inside async code
            }
            co_await aio::sleep(0);
        } else {
            const common::ScopedSpan span(ctx.timeline, ctx.clock, name, fmt::format("step {}", step));
            co_await aio::sleep(1.0);
        }
    }
}

aio::Coroutine<void> blocking_main(common::Context& ctx) {
    ctx.log.print("two tasks, three 1 s steps each, with await sleep(1):");
    double start = aio::time();
    co_await aio::gather(stepper(ctx, "A (await sleep)", false), stepper(ctx, "B (await sleep)", false));
    ctx.log.print("  both done in {}", common::format_duration(aio::time() - start));

    ctx.log.print("the same with a blocking sleep (time.sleep(1)) inside the coroutine:");
    start = aio::time();
    co_await aio::gather(stepper(ctx, "C (blocking)", true), stepper(ctx, "D (blocking)", true));
    ctx.log.print("  both done in {}: the steps ran one at a time, the loop was stuck",
                  common::format_duration(aio::time() - start));
}

}  // namespace

void blocking(common::Context& ctx) { aio::run(blocking_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
