#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

aio::Coroutine<int> compute(common::Context& ctx, std::string name, double seconds, int value) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, name, fmt::format("-> {}", value));
    ctx.log.print("  {}: starts, will take {} s", name, seconds);
    co_await aio::sleep(seconds);
    ctx.log.print("  {}: returns {}", name, value);
    co_return value;
}

aio::Coroutine<int> fail_after(common::Context& ctx, std::string name, double seconds) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, name, "raises");
    co_await aio::sleep(seconds);
    ctx.log.print("  {}: raises ValueError", name);
    throw std::invalid_argument(name + " failed");
}

aio::Coroutine<void> tasks_main(common::Context& ctx) {
    auto& log = ctx.log;
    log.print("task = create_task(compute('a', 1 s))");
    aio::Task<int> task = aio::create_task(compute(ctx, "a", 1.0, 1));
    log.print("  nothing ran yet: the task waits in the ready queue (done() = {})", task.done());
    log.print("await sleep(0): the loop turns once, and the task starts");
    co_await aio::sleep(0);
    log.print("await task -> {}", co_await task);

    log.print("auto [x, y] = await gather(compute('x', 1 s), compute('y', 2 s))");
    const auto [x, y] = co_await aio::gather(compute(ctx, "x", 1.0, 10), compute(ctx, "y", 2.0, 20));
    log.print("  -> {} and {}, after the slower one", x, y);

    log.print("await gather(vector of 3 coroutines): results in the order given, not the order finished");
    std::vector<aio::Coroutine<int>> work;
    for (int i = 0; i < 3; ++i) work.push_back(compute(ctx, fmt::format("v{}", i), 3.0 - i, i * 100));
    const std::vector<int> results = co_await aio::gather(std::move(work));
    log.print("  -> [{}]", fmt::join(results, ", "));

    log.print("await gather(compute('ok', 2 s), fail_after('bad', 1 s))");
    try {
        co_await aio::gather(compute(ctx, "ok", 2.0, 7), fail_after(ctx, "bad", 1.0));
    } catch (const std::invalid_argument& error) {
        log.print("  -> raised '{}', once every child had finished (no orphan left running)", error.what());
    }
}

}  // namespace

void tasks(common::Context& ctx) { aio::run(tasks_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
