#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/event.hpp"
#include "sections.hpp"

namespace sections {

namespace {

aio::Coroutine<void> runner(common::Context& ctx, aio::Event& start, int number) {
    const std::string lane = fmt::format("runner {}", number);
    const double ready = aio::time();
    co_await start.wait();
    ctx.timeline.span(lane, "waits", ready, aio::time());
    ctx.log.print("  runner {} starts (loop turn {})", number, aio::get_running_loop().iterations());
    const common::ScopedSpan span(ctx.timeline, ctx.clock, lane, "runs");
    co_await aio::sleep(1.0 + 0.25 * number);
}

aio::Coroutine<void> race(common::Context& ctx) {
    aio::Event start;
    std::vector<aio::Task<void>> runners;
    for (int number = 1; number <= 4; ++number) runners.push_back(aio::create_task(runner(ctx, start, number)));
    co_await aio::sleep(1.0);
    ctx.log.print("  starter: set() (turn {})", aio::get_running_loop().iterations());
    start.set();
    for (aio::Task<void>& task : runners) co_await task;
    ctx.log.print("  every runner is home; the event is still set: {}", start.is_set());
}

}  // namespace

void event(common::Context& ctx) {
    ctx.log.plain("Four runners wait for one Event, the starting gun:");
    aio::run(race(ctx), {.clock = &ctx.clock});
}

}  // namespace sections
