#include "greenlet.hpp"
#include "sections.hpp"

#include "common/duration.hpp"
#include "common/timeline.hpp"

namespace sections {

namespace {

// Python's time.sleep(1): it blocks the thread, and with it every greenlet on the thread.
void blocking_sleep(common::Context& ctx, const char* who) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, who, "sleep 1 s");
    ctx.clock.sleep_for(1.0);
}

// Python:
//     def task(name, other):
//         print(f"{name}: step 1, time.sleep(1)"); time.sleep(1)
//         print(f"{name}: switch to {other}");     others[name].switch()
//         print(f"{name}: step 2, time.sleep(1)"); time.sleep(1)
//         print(f"{name}: done, back to main")
void task(common::Context& ctx, const char* name, const char* other_name, greenlet::Greenlet*& other,
          common::Style style) {
    ctx.log.print(style, "{}: step 1, time.sleep(1)", name);
    blocking_sleep(ctx, name);
    ctx.log.print(style, "{}: switch to {}", name, other_name);
    other->switch_to();
    ctx.log.print(style, "{}: step 2, time.sleep(1)", name);
    blocking_sleep(ctx, name);
    ctx.log.print(style, "{}: done, back to main (its parent)", name);
}

}  // namespace

void greenlet_switch(common::Context& ctx) {
    auto& log = ctx.log;
    // Each task switches to the other, so both must exist before either runs.
    greenlet::Greenlet* a = nullptr;
    greenlet::Greenlet* b = nullptr;
    greenlet::Greenlet task_a([&] { task(ctx, "task A", "task B", b, common::actor_style(0)); });
    greenlet::Greenlet task_b([&] { task(ctx, "task B", "task A", a, common::actor_style(1)); });
    a = &task_a;
    b = &task_b;

    const double start = ctx.clock.now();
    log.print("main: gr_a.switch()");
    task_a.switch_to();
    log.print("main: task A finished; task B is still parked, so gr_b.switch()");
    task_b.switch_to();
    log.print("main: both finished after {}, not 2 s: while one greenlet sleeps, none other runs",
              common::format_duration(ctx.clock.now() - start));
    log.plain("A switch only picks who runs next. time.sleep() blocks the whole thread, so the four");
    log.plain("sleeps of 1 s happen one after another. Waiting together needs a loop that switches");
    log.plain("*instead of* sleeping: chapter 03 builds it.");
}

}  // namespace sections
