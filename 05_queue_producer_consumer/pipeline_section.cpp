#include <array>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/queue.hpp"
#include "sections.hpp"

namespace sections {

namespace {

constexpr int pages = 12;

// One stage: its workers take a page from `in`, work on it for `seconds`, pass it to the next
// stage's queue, and call task_done().
struct Stage {
    const char* name;
    double seconds;
    int workers;
    aio::Queue<int> in;
    double busy = 0.0;  // worker-seconds spent working
};

aio::Coroutine<void> work(common::Context& ctx, Stage& stage, Stage* next, int worker) {
    const std::string lane = fmt::format("{} {}", stage.name, worker);
    for (;;) {
        const int page = co_await stage.in.get();
        const double start = aio::time();
        co_await aio::sleep(stage.seconds);
        ctx.timeline.span(lane, fmt::format("p{}", page), start, aio::time());
        stage.busy += stage.seconds;
        if (next != nullptr) co_await next->in.put(page);
        stage.in.task_done();
    }
}

// fetch -> parse -> store: join the stages in order, so that each is empty before the next is
// joined; then every worker is idle in get(), and can be cancelled.
aio::Coroutine<void> pipeline_main(common::Context& ctx, std::array<Stage, 3>& stages) {
    std::vector<aio::Task<void>> workers;
    for (std::size_t s = 0; s < stages.size(); ++s) {
        Stage* next = s + 1 < stages.size() ? &stages[s + 1] : nullptr;
        for (int w = 1; w <= stages[s].workers; ++w) workers.push_back(aio::create_task(work(ctx, stages[s], next, w)));
    }
    for (int page = 1; page <= pages; ++page) stages[0].in.put_nowait(page);
    for (Stage& stage : stages) co_await stage.in.join();
    for (aio::Task<void>& worker : workers) worker.cancel();
}

void run_pipeline(common::Context& ctx, int parsers) {
    std::array<Stage, 3> stages{Stage{"fetch", 1.0, 3, aio::Queue<int>()},
                                Stage{"parse", 0.6, parsers, aio::Queue<int>()},
                                Stage{"store", 0.3, 2, aio::Queue<int>()}};
    ctx.log.plain("{} pages through fetch (3 workers, 1 s a page) -> parse ({} worker{}, 0.6 s) -> store (2, 0.3 s)",
                  pages, parsers, parsers == 1 ? "" : "s");
    const double start = ctx.clock.now();
    aio::run(pipeline_main(ctx, stages), {.clock = &ctx.clock});
    const double total = ctx.clock.now() - start;
    ctx.log.print("  all {} pages stored after {:.1f} s", pages, total);
    const Stage* bottleneck = &stages[0];
    for (const Stage& stage : stages) {
        const double share = stage.busy / (stage.workers * total);
        ctx.log.plain("  {:<6} {} worker(s), {:.1f} pages/s at most, busy {:>3.0f}% of the time", stage.name,
                      stage.workers, stage.workers / stage.seconds, 100.0 * share);
        if (share > bottleneck->busy / (bottleneck->workers * total)) bottleneck = &stage;
    }
    ctx.log.plain("  the busiest stage, {}, is the bottleneck: it sets the pace, the others wait for it",
                  bottleneck->name);
}

}  // namespace

void pipeline(common::Context& ctx) {
    run_pipeline(ctx, 1);
    run_pipeline(ctx, 2);
}

}  // namespace sections
