#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include "gather_order.hpp"

namespace {

aio::Coroutine<void> two_waiters(restaurant::Staff& staff) {
    const std::vector<restaurant::Order> orders = restaurant::todays_orders();
    co_await aio::gather(exercises::serve_order(staff, 1, orders[2]), exercises::serve_order(staff, 2, orders[3]));
}

}  // namespace

TEST_CASE("order 1 served asynchronously takes exactly 7.5 s, its slowest product, not 20.2 s") {
    SectionFixture f;
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    aio::run(exercises::serve_order(staff, 1, restaurant::todays_orders()[1]), {.clock = &f.clock});
    CHECK(f.clock.now() == 7.5);
    CHECK(f.log.lines() == std::vector<std::string>{
                               "12:00:00 <Waiter 1> [Order 1] ********Request order!********",
                               "12:00:00 <Waiter 1> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:00 <Waiter 1> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:00 <Waiter 1> [Order 1] Request beer. Wait 1.2 s...",
                               "12:00:00 <Waiter 1> [Order 1] Request frites. Wait 4 s...",
                               "12:00:01 <Waiter 1> [Order 1] Done beer",
                               "12:00:04 <Waiter 1> [Order 1] Done frites",
                               "12:00:07 <Waiter 1> [Order 1] Done burger",
                               "12:00:07 <Waiter 1> [Order 1] Done burger",
                               "12:00:07 <Waiter 1> [Order 1] Done order!",
                               "12:00:07 <Waiter 1> [Order 1] Dispatch burger",
                               "12:00:07 <Waiter 1> [Order 1] Dispatch burger",
                               "12:00:07 <Waiter 1> [Order 1] Dispatch beer",
                               "12:00:07 <Waiter 1> [Order 1] Dispatch frites",
                               "12:00:07 <Waiter 1> [Order 1] --------Done dispatch!--------",
                               "",
                           });
}

TEST_CASE("two orders served at once by two async waiters: order 2 leaves at 1.2 s, order 3 at 7.5 s") {
    SectionFixture f;
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    aio::run(two_waiters(staff), {.clock = &f.clock});
    CHECK(f.clock.now() == 7.5);
    CHECK(f.log.lines() == std::vector<std::string>{
                               "12:00:00 <Waiter 1> [Order 2] ********Request order!********",
                               "12:00:00 <Waiter 2> [Order 3] ********Request order!********",
                               "12:00:00 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:00 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:00 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:00 <Waiter 2> [Order 3] Request burger. Wait 7.5 s...",
                               "12:00:00 <Waiter 2> [Order 3] Request frites. Wait 4 s...",
                               "12:00:01 <Waiter 1> [Order 2] Done beer",
                               "12:00:01 <Waiter 1> [Order 2] Done beer",
                               "12:00:01 <Waiter 1> [Order 2] Done beer",
                               "12:00:01 <Waiter 1> [Order 2] Done order!",
                               "12:00:01 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:01 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:01 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:01 <Waiter 1> [Order 2] --------Done dispatch!--------",
                               "",
                               "12:00:04 <Waiter 2> [Order 3] Done frites",
                               "12:00:07 <Waiter 2> [Order 3] Done burger",
                               "12:00:07 <Waiter 2> [Order 3] Done order!",
                               "12:00:07 <Waiter 2> [Order 3] Dispatch burger",
                               "12:00:07 <Waiter 2> [Order 3] Dispatch frites",
                               "12:00:07 <Waiter 2> [Order 3] --------Done dispatch!--------",
                               "",
                           });
}
