#include "common/duration.hpp"
#include "sections.hpp"

namespace sections {

namespace {
// Python: def sleep_3(): time.sleep(3)   -- the thread can do nothing else meanwhile.
void sleep_3(common::Context& ctx, int call) {
    ctx.log.print("sleep_3() #{}: sleeping 3 s (a blocking sleep)", call);
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "main", "sleep 3 s");
    ctx.clock.sleep_for(3.0);
    ctx.log.print("sleep_3() #{}: done", call);
}
}  // namespace

void sequential(common::Context& ctx) {
    const double start = ctx.clock.now();
    for (int call = 1; call <= 3; ++call) sleep_3(ctx, call);
    ctx.log.print("3 sleeps of 3 s, one after the other: {}", common::format_duration(ctx.clock.now() - start));
}

}  // namespace sections
