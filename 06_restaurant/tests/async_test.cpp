// The originals' async version on a virtual-time aio loop: exact lines at exact times.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include "async_waiter.hpp"
#include "menu.hpp"
#include "sections.hpp"
#include "staff.hpp"

namespace {
using Lines = std::vector<std::string>;
}  // namespace

TEST_CASE("one async waiter serves every order in exactly 7.5 s: four requests, eleven products, order 2 first") {
    SectionFixture f;
    sections::async(f.ctx);
    CHECK(f.clock.now() == 7.5);
    CHECK(f.log.lines() ==
          Lines{
              "12:00:00 Received orders",
              "12:00:00 <Waiter 1> [Order 0] ********Request order!********",
              "12:00:00 <Waiter 1> [Order 1] ********Request order!********",
              "12:00:00 <Waiter 1> [Order 2] ********Request order!********",
              "12:00:00 <Waiter 1> [Order 3] ********Request order!********",
              "12:00:00 <Waiter 1> [Order 0] Request burger. Wait 7.5 s...",
              "12:00:00 <Waiter 1> [Order 0] Request soda. Wait 1 s...",
              "12:00:00 <Waiter 1> [Order 1] Request burger. Wait 7.5 s...",
              "12:00:00 <Waiter 1> [Order 1] Request burger. Wait 7.5 s...",
              "12:00:00 <Waiter 1> [Order 1] Request beer. Wait 1.2 s...",
              "12:00:00 <Waiter 1> [Order 1] Request frites. Wait 4 s...",
              "12:00:00 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
              "12:00:00 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
              "12:00:00 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
              "12:00:00 <Waiter 1> [Order 3] Request burger. Wait 7.5 s...",
              "12:00:00 <Waiter 1> [Order 3] Request frites. Wait 4 s...",
              "12:00:01 <Waiter 1> [Order 0] Done soda",
              "12:00:01 <Waiter 1> [Order 1] Done beer",
              "12:00:01 <Waiter 1> [Order 2] Done beer",
              "12:00:01 <Waiter 1> [Order 2] Done beer",
              "12:00:01 <Waiter 1> [Order 2] Done beer",
              "12:00:01 <Waiter 1> [Order 2] Done order!",
              "12:00:01 <Waiter 1> [Order 2] Dispatch beer",
              "12:00:01 <Waiter 1> [Order 2] Dispatch beer",
              "12:00:01 <Waiter 1> [Order 2] Dispatch beer",
              "12:00:01 <Waiter 1> [Order 2] --------Done dispatch!--------",
              "",
              "12:00:04 <Waiter 1> [Order 1] Done frites",
              "12:00:04 <Waiter 1> [Order 3] Done frites",
              "12:00:07 <Waiter 1> [Order 0] Done burger",
              "12:00:07 <Waiter 1> [Order 1] Done burger",
              "12:00:07 <Waiter 1> [Order 1] Done burger",
              "12:00:07 <Waiter 1> [Order 3] Done burger",
              "12:00:07 <Waiter 1> [Order 0] Done order!",
              "12:00:07 <Waiter 1> [Order 0] Dispatch burger",
              "12:00:07 <Waiter 1> [Order 0] Dispatch soda",
              "12:00:07 <Waiter 1> [Order 0] --------Done dispatch!--------",
              "",
              "12:00:07 <Waiter 1> [Order 1] Done order!",
              "12:00:07 <Waiter 1> [Order 1] Dispatch burger",
              "12:00:07 <Waiter 1> [Order 1] Dispatch burger",
              "12:00:07 <Waiter 1> [Order 1] Dispatch beer",
              "12:00:07 <Waiter 1> [Order 1] Dispatch frites",
              "12:00:07 <Waiter 1> [Order 1] --------Done dispatch!--------",
              "",
              "12:00:07 <Waiter 1> [Order 3] Done order!",
              "12:00:07 <Waiter 1> [Order 3] Dispatch burger",
              "12:00:07 <Waiter 1> [Order 3] Dispatch frites",
              "12:00:07 <Waiter 1> [Order 3] --------Done dispatch!--------",
              "",
              "12:00:07 async: every order served in 7.5 s",
              "12:00:07 One waiter, one thread: the day lasts as long as its slowest product, a burger",
          });
}

TEST_CASE("the async waiter is never blocked at the kitchen: 7.5 s on one thread, with every order open at once") {
    SectionFixture f;
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    const restaurant::ServiceReport report = restaurant::serve_with_one_loop(staff, restaurant::todays_orders());
    CHECK(report.total == 7.5);
    CHECK(report.blocked == 0.0);
    CHECK(report.threads == 1);
    CHECK(drawn(f.timeline) == Lines{
                                   "W1 order 0: Request order! @0",
                                   "W1 order 1: Request order! @0",
                                   "W1 order 2: Request order! @0",
                                   "W1 order 3: Request order! @0",
                                   "W1 order 2: Order 2 0..1.2",
                                   "W1 order 0: Order 0 0..7.5",
                                   "W1 order 1: Order 1 0..7.5",
                                   "W1 order 3: Order 3 0..7.5",
                               });
}
