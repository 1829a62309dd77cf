#include <string>

#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

aio::Coroutine<std::string> fetch(common::Context& ctx, std::string what, double seconds) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, what, "fetching");
    ctx.log.print("  {}: fetching, takes {} s", what, seconds);
    try {
        co_await aio::sleep(seconds);
    } catch (const aio::CancelledError&) {
        ctx.log.print("  {}: cancelled by wait_for", what);
        throw;
    }
    co_return what + " data";
}

aio::Coroutine<void> timeout_main(common::Context& ctx) {
    ctx.log.print("await wait_for(fetch('fast', 1 s), 2 s)");
    const std::string data = co_await aio::wait_for(fetch(ctx, "fast", 1.0), 2.0);
    ctx.log.print("  -> '{}', in time", data);

    ctx.log.print("await wait_for(fetch('slow', 5 s), 2 s)");
    try {
        co_await aio::wait_for(fetch(ctx, "slow", 5.0), 2.0);
    } catch (const aio::TimeoutError& error) {
        ctx.log.print("  -> {}; the slow fetch was cancelled and has stopped", error.what());
    }
}

}  // namespace

void timeout(common::Context& ctx) { aio::run(timeout_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
