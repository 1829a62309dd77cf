#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/semaphore.hpp"
#include "sections.hpp"

namespace sections {

namespace {

constexpr int limit = 3;

struct Downloads {
    aio::Semaphore semaphore{limit};
    std::vector<bool> lane_busy = std::vector<bool>(limit, false);  // which of the N lanes is taken
    int running = 0;
    int most = 0;
};

aio::Coroutine<void> download(common::Context& ctx, Downloads& downloads, int number, double seconds) {
    // async with semaphore: the permit goes back when the frame ends, even if cancelled.
    const aio::SemaphoreGuard permit = co_await downloads.semaphore.guard();
    const auto lane = static_cast<std::size_t>(
        std::find(downloads.lane_busy.begin(), downloads.lane_busy.end(), false) - downloads.lane_busy.begin());
    downloads.lane_busy[lane] = true;
    downloads.most = std::max(downloads.most, ++downloads.running);
    ctx.log.print("  download {} starts ({} running)", number, downloads.running);
    ctx.timeline.span(fmt::format("lane {}", lane + 1), fmt::format("download {}", number), aio::time(),
                      aio::time() + seconds);
    co_await aio::sleep(seconds);
    --downloads.running;
    downloads.lane_busy[lane] = false;
}

aio::Coroutine<void> download_all(common::Context& ctx, Downloads& downloads) {
    std::vector<aio::Coroutine<void>> all;
    for (int number = 1; number <= 8; ++number) all.push_back(download(ctx, downloads, number, 1.0 + number % 3 * 0.5));
    co_await aio::gather(std::move(all));
}

}  // namespace

void semaphore(common::Context& ctx) {
    ctx.log.plain("Eight downloads, at most {} at a time (aio::Semaphore({})):", limit, limit);
    Downloads downloads;
    const double start = ctx.clock.now();
    aio::run(download_all(ctx, downloads), {.clock = &ctx.clock});
    ctx.log.plain("  all done after {:.1f} s; never more than {} at once (--timeline shows {} lanes)",
                  ctx.clock.now() - start, downloads.most, limit);
}

}  // namespace sections
