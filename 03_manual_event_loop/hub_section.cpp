#include <string>

#include "common/duration.hpp"
#include "hub.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Python (gevent):
//     def task(name):
//         print(f"{name}: step 1, sleep(1)"); gevent.sleep(1)
//         print(f"{name}: step 2, sleep(1)"); gevent.sleep(1)
//         print(f"{name}: done")
// With `blocking`, time.sleep() instead of gevent.sleep(): what runs when nobody monkey-patched.
void task(common::Context& ctx, manual_loop::Hub& hub, const std::string& name, bool blocking, common::Style style) {
    const char* sleep_call = blocking ? "time.sleep(1)" : "sleep(1)";
    for (int step = 1; step <= 2; ++step) {
        ctx.log.print(style, "{}: step {}, {}", name, step, sleep_call);
        const common::ScopedSpan span(ctx.timeline, ctx.clock, name, "sleep 1 s");
        if (blocking) {
            ctx.clock.sleep_for(1.0);  // the thread sleeps, and with it the hub and every green thread
        } else {
            hub.sleep(1.0);  // parks this green thread on the timer heap; the hub runs the others
        }
    }
    ctx.log.print(style, "{}: done", name);
}

void two_tasks(common::Context& ctx, bool blocking) {
    manual_loop::Hub hub(ctx.clock);
    const double start = ctx.clock.now();
    ctx.log.print("main: joinall([spawn(task, \"task A\"), spawn(task, \"task B\")])");
    hub.spawn([&] { task(ctx, hub, "task A", blocking, common::actor_style(0)); });
    hub.spawn([&] { task(ctx, hub, "task B", blocking, common::actor_style(1)); });
    hub.joinall();
    const double elapsed = ctx.clock.now() - start;
    if (blocking) {
        ctx.log.print("main: both finished after {}, as in chapter 02: time.sleep() never lets the hub run",
                      common::format_duration(elapsed));
    } else {
        ctx.log.print("main: both finished after {}, not 4 s: sleep() switches to the hub instead of waiting",
                      common::format_duration(elapsed));
    }
}

}  // namespace

void hub(common::Context& ctx) { two_tasks(ctx, false); }

void hub_unpatched(common::Context& ctx) {
    two_tasks(ctx, true);
    ctx.log.plain("gevent's monkey.patch_all() replaces time.sleep (and socket, select, ...) with");
    ctx.log.plain("versions that switch to the hub: code written for blocking calls then waits together.");
}

}  // namespace sections
