#include <string>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "common/duration.hpp"
#include "sections.hpp"

namespace sections {

namespace {

constexpr double tick_period = 0.1;
constexpr int tick_count = 6;
constexpr double call_seconds = 0.45;

// A blocking call, as time.sleep(0.45) or a slow library function would be: it holds the thread
// that makes it. It knows nothing of the loop; it only sleeps on the lesson's clock.
int blocking_call(common::Context* ctx, std::string lane) {
    const common::ScopedSpan span(ctx->timeline, ctx->clock, lane, "blocking_call()");
    ctx->clock.sleep_for(call_seconds);
    return 42;
}

// Ticks six times, every 0.1 s, and says how late each tick is: a stuck loop shows at once.
aio::Coroutine<void> heartbeat(common::Context& ctx, int& ticks) {
    while (ticks < tick_count) {
        const double due = aio::time() + tick_period;
        co_await aio::sleep(tick_period);
        ++ticks;
        const double late = aio::time() - due;
        ctx.timeline.instant("heartbeat", fmt::format("tick {}", ticks), aio::time());
        if (late > 1e-9) {
            ctx.log.print("  heartbeat: tick {} ({} late)", ticks, common::format_duration(late));
        } else {
            ctx.log.print("  heartbeat: tick {}", ticks);
        }
    }
}

// Makes the call while the heartbeat ticks, and says how many ticks came during it.
aio::Coroutine<void> with_heartbeat(common::Context& ctx, bool offload) {
    int ticks = 0;
    aio::Task<void> ticker = aio::create_task(heartbeat(ctx, ticks));
    co_await aio::sleep(0);  // the heartbeat starts: its first tick is due 0.1 s from now
    const double start = aio::time();
    int answer = 0;
    if (offload) {
        answer = co_await aio::to_thread(blocking_call, &ctx, std::string("worker thread"));
    } else {
        answer = blocking_call(&ctx, "loop thread");
    }
    ctx.log.print("  main: the call returned {} after {}; the heartbeat ticked {} times meanwhile", answer,
                  common::format_duration(aio::time() - start), ticks);
    co_await ticker;
}

aio::Coroutine<void> offload_main(common::Context& ctx) {
    ctx.log.print("a heartbeat ticks 6 times, every 0.1 s; main makes a 0.45 s blocking call, directly:");
    co_await with_heartbeat(ctx, false);
    ctx.log.print("the same call with co_await aio::to_thread(blocking_call, ...):");
    co_await with_heartbeat(ctx, true);
}

}  // namespace

void offload(common::Context& ctx) { aio::run(offload_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
