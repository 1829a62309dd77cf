#include <cstddef>
#include <vector>

#include "aio/aio.hpp"
#include "common/duration.hpp"
#include "common/resource_usage.hpp"
#include "sections.hpp"

namespace sections {

namespace {

aio::Coroutine<void> sleep_one_second() { co_await aio::sleep(1.0); }

aio::Coroutine<void> scale_main(common::Context& ctx, int count) {
    std::vector<aio::Coroutine<void>> sleepers;
    sleepers.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) sleepers.push_back(sleep_one_second());
    const double start = aio::time();
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "gather", fmt::format("{} sleepers", count));
    co_await aio::gather(std::move(sleepers));
    ctx.log.print("{} tasks, each sleeping 1 s, all done after {}", count,
                  common::format_duration(aio::time() - start));
}

}  // namespace

void scale(common::Context& ctx, int count) {
    const std::size_t rss_before = common::current_rss_bytes();
    const double cpu_before = common::process_cpu_seconds();
    aio::run(scale_main(ctx, count), {.clock = &ctx.clock});
    const double cpu = common::process_cpu_seconds() - cpu_before;
    const std::size_t growth = common::peak_rss_bytes() > rss_before ? common::peak_rss_bytes() - rss_before : 0;
    ctx.log.plain("  CPU time: {}; memory: about {} bytes per task (peak RSS growth / {})",
                  common::format_duration(cpu), growth / static_cast<std::size_t>(count), count);
}

}  // namespace sections
