// The originals' threads.py on the thread-aware virtual clock: exact lines, exact times, and the
// same waiter for the same order on every run.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include "menu.hpp"
#include "sections.hpp"
#include "staff.hpp"
#include "threaded_restaurant.hpp"

namespace {
using Lines = std::vector<std::string>;

restaurant::ServiceReport serve(SectionFixture& f, int waiters) {
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    return restaurant::serve_with_threads(staff, restaurant::todays_orders(), waiters);
}
}  // namespace

TEST_CASE("two waiter threads take exactly 23.6 s: waiter 1 serves orders 0, 2, 3 and waiter 2 order 1") {
    SectionFixture f;
    sections::threads(f.ctx, 2);
    CHECK(f.clock.now() == 23.6);
    CHECK(f.log.lines() == Lines{
                               "12:00:00 Received orders",
                               "12:00:00 <Waiter 1> [Order 0] ********Request order!********",
                               "12:00:00 <Waiter 1> [Order 0] Request burger. Wait 7.5 s...",
                               "12:00:00 <Waiter 2> [Order 1] ********Request order!********",
                               "12:00:00 <Waiter 2> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:07 <Waiter 1> [Order 0] Done burger",
                               "12:00:07 <Waiter 1> [Order 0] Request soda. Wait 1 s...",
                               "12:00:07 <Waiter 2> [Order 1] Done burger",
                               "12:00:07 <Waiter 2> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:08 <Waiter 1> [Order 0] Done soda",
                               "12:00:08 <Waiter 1> [Order 0] Done order!",
                               "12:00:08 <Waiter 1> [Order 0] Dispatch burger",
                               "12:00:08 <Waiter 1> [Order 0] Dispatch soda",
                               "12:00:08 <Waiter 1> [Order 0] --------Done dispatch!--------",
                               "",
                               "12:00:08 <Waiter 1> [Order 2] ********Request order!********",
                               "12:00:08 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:09 <Waiter 1> [Order 2] Done beer",
                               "12:00:09 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:10 <Waiter 1> [Order 2] Done beer",
                               "12:00:10 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:12 <Waiter 1> [Order 2] Done beer",
                               "12:00:12 <Waiter 1> [Order 2] Done order!",
                               "12:00:12 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:12 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:12 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:12 <Waiter 1> [Order 2] --------Done dispatch!--------",
                               "",
                               "12:00:12 <Waiter 1> [Order 3] ********Request order!********",
                               "12:00:12 <Waiter 1> [Order 3] Request burger. Wait 7.5 s...",
                               "12:00:15 <Waiter 2> [Order 1] Done burger",
                               "12:00:15 <Waiter 2> [Order 1] Request beer. Wait 1.2 s...",
                               "12:00:16 <Waiter 2> [Order 1] Done beer",
                               "12:00:16 <Waiter 2> [Order 1] Request frites. Wait 4 s...",
                               "12:00:19 <Waiter 1> [Order 3] Done burger",
                               "12:00:19 <Waiter 1> [Order 3] Request frites. Wait 4 s...",
                               "12:00:20 <Waiter 2> [Order 1] Done frites",
                               "12:00:20 <Waiter 2> [Order 1] Done order!",
                               "12:00:20 <Waiter 2> [Order 1] Dispatch burger",
                               "12:00:20 <Waiter 2> [Order 1] Dispatch burger",
                               "12:00:20 <Waiter 2> [Order 1] Dispatch beer",
                               "12:00:20 <Waiter 2> [Order 1] Dispatch frites",
                               "12:00:20 <Waiter 2> [Order 1] --------Done dispatch!--------",
                               "",
                               "12:00:23 <Waiter 1> [Order 3] Done frites",
                               "12:00:23 <Waiter 1> [Order 3] Done order!",
                               "12:00:23 <Waiter 1> [Order 3] Dispatch burger",
                               "12:00:23 <Waiter 1> [Order 3] Dispatch frites",
                               "12:00:23 <Waiter 1> [Order 3] --------Done dispatch!--------",
                               "",
                               "12:00:23 threads: every order served in 23.6 s",
                               "12:00:23 43.8 s of work in 23.6 s: 1.86x as fast as one waiter, with 2 waiters; they "
                               "stood idle 3.4 s in all (--timeline shows where)",
                           });
}

TEST_CASE("who serves which order does not depend on the OS scheduler: 100 runs, the same lines") {
    const Lines first = run_section([](common::Context& ctx) { sections::threads(ctx, 2); });
    for (int run = 0; run < 100; ++run) {
        const Lines again = run_section([](common::Context& ctx) { sections::threads(ctx, 2); });
        REQUIRE(again == first);
    }
}

TEST_CASE("the threads timeline: waiter 1 works the whole 23.6 s, waiter 2 idles from 20.2 s") {
    SectionFixture f;
    const restaurant::ServiceReport report = serve(f, 2);
    CHECK(report.total == 23.6);
    CHECK(report.blocked == 43.8);
    CHECK(drawn(f.timeline) == Lines{
                                   "Waiter 1: Order 0 0..8.5",
                                   "Waiter 1: Order 2 8.5..12.1",
                                   "Waiter 2: Order 1 0..20.2",
                                   "Waiter 1: Order 3 12.1..23.6",
                               });
}

TEST_CASE("more waiter threads cannot beat the longest order: 3 or 6 waiters take exactly 20.2 s") {
    for (const int waiters : {3, 6}) {
        SectionFixture f;
        const restaurant::ServiceReport report = serve(f, waiters);
        CHECK(report.total == 20.2);
        CHECK(report.threads == waiters);
        int dispatched = 0;
        for (const std::string& line : f.log.lines()) dispatched += line.ends_with("Done dispatch!--------") ? 1 : 0;
        CHECK(dispatched == 4);
    }
}

TEST_CASE("one waiter thread serves every order in exactly 43.8 s, like the sync restaurant") {
    SectionFixture f;
    CHECK(serve(f, 1).total == 43.8);
}
