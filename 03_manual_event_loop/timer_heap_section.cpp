#include <fmt/ranges.h>

#include "common/duration.hpp"
#include "cpu_meter.hpp"
#include "five_tasks.hpp"
#include "sections.hpp"
#include "timer_loop.hpp"

namespace sections {

void timer_heap(common::Context& ctx) {
    auto& log = ctx.log;
    log.print("the same tasks; the loop parks each yielded deadline on a timer heap");
    std::vector<manual_loop::Task> tasks = manual_loop::five_sleep_tasks(ctx.clock, log, &ctx.timeline);
    log.print("TimerLoop::run(): ready queue first, then sleep until the earliest deadline");

    const double start = ctx.clock.now();
    const manual_loop::CpuMeter cpu;
    manual_loop::TimerLoop loop(ctx.clock, &ctx.timeline);
    const std::vector<int> results = loop.run(std::move(tasks));
    const double elapsed = ctx.clock.now() - start;

    log.print("results in creation order: [{}]", fmt::join(results, ", "));
    log.print("done in {}; the loop made {} iterations and {} steps, and slept {} times",
              common::format_duration(elapsed), loop.iterations(), loop.steps(), loop.sleeps());
    cpu.report(log, "TimerLoop::run()", elapsed);
}

}  // namespace sections
