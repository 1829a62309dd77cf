#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

aio::Coroutine<std::string> ask(common::Context& ctx, std::string mirror, double seconds) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, mirror, "asking");
    try {
        co_await aio::sleep(seconds);
    } catch (const aio::CancelledError&) {
        ctx.log.print("  {}: cancelled", mirror);
        throw;
    }
    co_return mirror;
}

using Mirrors = std::vector<aio::Task<std::string>>;

Mirrors ask_all(common::Context& ctx) {
    return {aio::create_task(ask(ctx, "eu", 3.0)), aio::create_task(ask(ctx, "us", 1.0)),
            aio::create_task(ask(ctx, "asia", 2.0))};
}

std::string names(const Mirrors& done, const Mirrors& pending) {
    std::vector<std::string> finished;
    for (const aio::Task<std::string>& task : done) finished.push_back(task.result());
    return fmt::format("done [{}], {} pending", fmt::join(finished, ", "), pending.size());
}

aio::Coroutine<void> racing_main(common::Context& ctx) {
    auto& log = ctx.log;
    log.print("three mirrors, asked at once: eu answers in 3 s, us in 1 s, asia in 2 s");
    log.print("for coro in as_completed(mirrors): await coro");
    for (aio::Coroutine<std::string> next : aio::as_completed(ask_all(ctx))) {
        const std::string mirror = co_await next;
        log.print("  {} answered", mirror);
    }

    log.print("done, pending = await wait(mirrors, return_when=FIRST_COMPLETED)");
    Mirrors mirrors = ask_all(ctx);
    auto [done, pending] = co_await aio::wait(mirrors, aio::FIRST_COMPLETED);
    log.print("  {}: wait cancels nothing, the caller does", names(done, pending));
    for (aio::Task<std::string>& task : pending) task.cancel();
    co_await aio::wait(pending);

    log.print("done, pending = await wait(mirrors, timeout=1.5)");
    mirrors = ask_all(ctx);
    auto [in_time, late] = co_await aio::wait(mirrors, aio::ALL_COMPLETED, 1.5);
    log.print("  {}: still running, the caller may wait on", names(in_time, late));
    co_await aio::wait(late);
    log.print("  every mirror has answered");
}

}  // namespace

void racing(common::Context& ctx) { aio::run(racing_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
