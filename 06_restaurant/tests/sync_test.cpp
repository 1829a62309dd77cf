// The originals' sync.py on virtual time: the exact lines at the exact times.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include "menu.hpp"
#include "sections.hpp"
#include "staff.hpp"
#include "story_clock.hpp"
#include "sync_restaurant.hpp"

namespace {
using Lines = std::vector<std::string>;
}  // namespace

TEST_CASE("the sync restaurant takes exactly 43.8 s: waiter 1 serves every order, waiter 2 none") {
    SectionFixture f;
    sections::sync(f.ctx);
    CHECK(f.clock.now() == 43.8);
    CHECK(f.log.lines() == Lines{
                               "12:00:00 Received orders",
                               "12:00:00 <Waiter 1> [Order 0] ********Request order!********",
                               "12:00:00 <Waiter 1> [Order 0] Request burger. Wait 7.5 s...",
                               "12:00:07 <Waiter 1> [Order 0] Done burger",
                               "12:00:07 <Waiter 1> [Order 0] Request soda. Wait 1 s...",
                               "12:00:08 <Waiter 1> [Order 0] Done soda",
                               "12:00:08 <Waiter 1> [Order 0] Done order!",
                               "12:00:08 <Waiter 1> [Order 0] Dispatch burger",
                               "12:00:08 <Waiter 1> [Order 0] Dispatch soda",
                               "12:00:08 <Waiter 1> [Order 0] --------Done dispatch!--------",
                               "",
                               "12:00:08 <Waiter 1> [Order 1] ********Request order!********",
                               "12:00:08 <Waiter 1> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:16 <Waiter 1> [Order 1] Done burger",
                               "12:00:16 <Waiter 1> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:23 <Waiter 1> [Order 1] Done burger",
                               "12:00:23 <Waiter 1> [Order 1] Request beer. Wait 1.2 s...",
                               "12:00:24 <Waiter 1> [Order 1] Done beer",
                               "12:00:24 <Waiter 1> [Order 1] Request frites. Wait 4 s...",
                               "12:00:28 <Waiter 1> [Order 1] Done frites",
                               "12:00:28 <Waiter 1> [Order 1] Done order!",
                               "12:00:28 <Waiter 1> [Order 1] Dispatch burger",
                               "12:00:28 <Waiter 1> [Order 1] Dispatch burger",
                               "12:00:28 <Waiter 1> [Order 1] Dispatch beer",
                               "12:00:28 <Waiter 1> [Order 1] Dispatch frites",
                               "12:00:28 <Waiter 1> [Order 1] --------Done dispatch!--------",
                               "",
                               "12:00:28 <Waiter 1> [Order 2] ********Request order!********",
                               "12:00:28 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:29 <Waiter 1> [Order 2] Done beer",
                               "12:00:29 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:31 <Waiter 1> [Order 2] Done beer",
                               "12:00:31 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:32 <Waiter 1> [Order 2] Done beer",
                               "12:00:32 <Waiter 1> [Order 2] Done order!",
                               "12:00:32 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:32 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:32 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:32 <Waiter 1> [Order 2] --------Done dispatch!--------",
                               "",
                               "12:00:32 <Waiter 1> [Order 3] ********Request order!********",
                               "12:00:32 <Waiter 1> [Order 3] Request burger. Wait 7.5 s...",
                               "12:00:39 <Waiter 1> [Order 3] Done burger",
                               "12:00:39 <Waiter 1> [Order 3] Request frites. Wait 4 s...",
                               "12:00:43 <Waiter 1> [Order 3] Done frites",
                               "12:00:43 <Waiter 1> [Order 3] Done order!",
                               "12:00:43 <Waiter 1> [Order 3] Dispatch burger",
                               "12:00:43 <Waiter 1> [Order 3] Dispatch frites",
                               "12:00:43 <Waiter 1> [Order 3] --------Done dispatch!--------",
                               "",
                               "12:00:43 sync: every order served in 43.8 s",
                               "12:00:43 Waiter 2 was called once waiter 1 had served every order: he never worked",
                           });
}

TEST_CASE("in the sync restaurant waiter 2 is called at 43.8 s and finds no order, waiter 1 works all day") {
    SectionFixture f;
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    const restaurant::ServiceReport report = restaurant::serve_in_turn(staff, restaurant::todays_orders());
    CHECK(report.total == 43.8);
    CHECK(report.blocked == 43.8);
    CHECK(report.blocked_share() == 0.5);
    CHECK(drawn(f.timeline) == Lines{
                                   "Waiter 1: Order 0 0..8.5",
                                   "Waiter 1: Order 1 8.5..28.7",
                                   "Waiter 1: Order 2 28.7..32.3",
                                   "Waiter 1: Order 3 32.3..43.8",
                                   "Waiter 2: no order left @43.8",
                               });
}

TEST_CASE("story time reads as a wall clock from 12:00:00, whole seconds rounded down") {
    CHECK(restaurant::wall_clock(0.0) == "12:00:00");
    CHECK(restaurant::wall_clock(7.5) == "12:00:07");
    CHECK(restaurant::wall_clock(36.999999999) == "12:00:37");  // summed doubles are not cut short
    CHECK(restaurant::wall_clock(3600.0 * 12 + 61) == "00:01:01");
    CHECK(restaurant::wall_clock(1e10) == "05:46:40");
    CHECK(restaurant::wall_clock(1e300) == "--:--:--");
    CHECK(restaurant::wall_clock(-1.0) == "--:--:--");
}
