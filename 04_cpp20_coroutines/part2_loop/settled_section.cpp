#include <stdexcept>
#include <string>

#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

aio::Coroutine<std::string> fetch(common::Context& ctx, std::string what, double seconds) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, what, "fetching");
    co_await aio::sleep(seconds);
    if (what == "b") {
        ctx.log.print("  {}: raises ConnectionError", what);
        throw std::runtime_error(what + ": connection reset");
    }
    co_return what + " data";
}

std::string describe(const aio::Outcome<std::string>& outcome) {
    try {
        return "'" + outcome.value() + "'";
    } catch (const std::runtime_error& error) {
        return std::string("raised '") + error.what() + "'";
    }
}

aio::Coroutine<std::string> save(common::Context& ctx, double seconds) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "save", "writing");
    co_await aio::sleep(seconds);
    ctx.log.print("  save: written");
    co_return "saved";
}

aio::Coroutine<void> settled_main(common::Context& ctx) {
    auto& log = ctx.log;
    log.print("await gather(fetch('a', 1 s), fetch('b', 2 s), fetch('c', 3 s), return_exceptions=True)");
    const auto [a, b, c] =
        co_await aio::gather_settled(fetch(ctx, "a", 1.0), fetch(ctx, "b", 2.0), fetch(ctx, "c", 3.0));
    log.print("  -> {}, {}, {}: every outcome, nothing thrown", describe(a), describe(b), describe(c));

    log.print("task = create_task(save(2 s)); await wait_for(shield(task), 1 s)");
    aio::Task<std::string> task = aio::create_task(save(ctx, 2.0));
    try {
        co_await aio::wait_for(aio::shield(task), 1.0);
    } catch (const aio::TimeoutError&) {
        log.print("  -> TimeoutError; the shield was cancelled, the save was not (done() = {})", task.done());
    }
    const std::string saved = co_await task;
    log.print("await task -> '{}'", saved);
}

}  // namespace

void settled(common::Context& ctx) { aio::run(settled_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
