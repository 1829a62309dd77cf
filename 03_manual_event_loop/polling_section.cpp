#include <fmt/format.h>

#include "common/duration.hpp"
#include "cpu_meter.hpp"
#include "poll_wait.hpp"
#include "sections.hpp"

namespace sections {

void polling(common::Context& ctx) {
    auto& log = ctx.log;
    constexpr int count = 10;
    constexpr double delay = 3.0;
    log.print("{} tasks, each ready {} from now; wait() polls them until none is pending", count,
              common::format_duration(delay));
    if (ctx.clock.is_virtual()) {
        log.print("(virtual time: a pass that leaves tasks pending costs one 1 ms tick)");
    }
    std::vector<manual_loop::PollTask> tasks;
    for (int i = 0; i < count; ++i) tasks.emplace_back(fmt::format("task {}", i), delay, ctx.clock);

    const double start = ctx.clock.now();
    const manual_loop::CpuMeter cpu;
    const manual_loop::PollStats stats = manual_loop::wait(tasks, ctx.clock, log);
    const double elapsed = ctx.clock.now() - start;
    for (const manual_loop::PollTask& task : tasks) ctx.timeline.span(task.name, "waiting", start, task.deadline);

    log.print("all {} tasks done in {}, not {}: they waited at the same time", count, common::format_duration(elapsed),
              common::format_duration(count * delay));
    log.print("wait() made {} passes and {} polls to find that out", stats.passes, stats.polls);
    cpu.report(log, "wait()", elapsed);
}

}  // namespace sections
