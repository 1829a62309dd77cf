#include <fmt/ranges.h>

#include "busy_loop.hpp"
#include "common/duration.hpp"
#include "cpu_meter.hpp"
#include "five_tasks.hpp"
#include "sections.hpp"

namespace sections {

void generators(common::Context& ctx) {
    auto& log = ctx.log;
    log.print("generator-style tasks: each yields until its deadline, then returns its value");
    std::vector<manual_loop::Task> tasks = manual_loop::five_sleep_tasks(ctx.clock, log, &ctx.timeline);
    log.print("run_busy(): step every unfinished task on every pass");
    if (ctx.clock.is_virtual()) log.print("(virtual time: a pass that leaves tasks pending costs one 1 ms tick)");

    const double start = ctx.clock.now();
    const manual_loop::CpuMeter cpu;
    const manual_loop::BusyRun run = manual_loop::run_busy(std::move(tasks), ctx.clock, &ctx.timeline);
    const double elapsed = ctx.clock.now() - start;

    log.print("results in creation order: [{}]", fmt::join(run.results, ", "));
    log.print("done in {}; the loop made {} passes and {} steps", common::format_duration(elapsed), run.passes,
              run.steps);
    cpu.report(log, "run_busy()", elapsed);
}

}  // namespace sections
