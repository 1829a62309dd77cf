#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include "waiter_tasks.hpp"

namespace {

using Lines = std::vector<std::string>;

struct Day {
    double end = 0;        // when serve_orders() returned
    Lines after;           // what was logged after it returned
    std::size_t left = 0;  // orders still in the queue at the very end
};

// Serves today's orders, then puts a late order on the queue and waits: a waiter task still
// running would take it.
aio::Coroutine<Day> serve_today(restaurant::Staff& staff, SectionFixture& f, int waiters) {
    aio::Queue<restaurant::Order> orders;
    for (const restaurant::Order& order : restaurant::todays_orders()) orders.put_nowait(order);
    co_await exercises::serve_orders(staff, orders, waiters);
    Day day;
    day.end = aio::time();
    const std::size_t logged = f.log.lines().size();
    orders.put_nowait({4, {restaurant::soda}});
    co_await aio::sleep(100.0);
    const Lines lines = f.log.lines();
    day.after.assign(lines.begin() + static_cast<std::ptrdiff_t>(logged), lines.end());
    day.left = orders.qsize();
    co_return day;
}

Day serve_today(SectionFixture& f, int waiters) {
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    return aio::run(serve_today(staff, f, waiters), {.clock = &f.clock});
}

}  // namespace

TEST_CASE("two waiter tasks serve today's orders in exactly 15 s, each asking for all of an order's products at once") {
    SectionFixture f;
    const Day day = serve_today(f, 2);
    CHECK(day.end == 15.0);
    CHECK(f.log.lines() == Lines{
                               "12:00:00 <Waiter 1> [Order 0] ********Request order!********",
                               "12:00:00 <Waiter 2> [Order 1] ********Request order!********",
                               "12:00:00 <Waiter 1> [Order 0] Request burger. Wait 7.5 s...",
                               "12:00:00 <Waiter 1> [Order 0] Request soda. Wait 1 s...",
                               "12:00:00 <Waiter 2> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:00 <Waiter 2> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:00 <Waiter 2> [Order 1] Request beer. Wait 1.2 s...",
                               "12:00:00 <Waiter 2> [Order 1] Request frites. Wait 4 s...",
                               "12:00:01 <Waiter 1> [Order 0] Done soda",
                               "12:00:01 <Waiter 2> [Order 1] Done beer",
                               "12:00:04 <Waiter 2> [Order 1] Done frites",
                               "12:00:07 <Waiter 1> [Order 0] Done burger",
                               "12:00:07 <Waiter 2> [Order 1] Done burger",
                               "12:00:07 <Waiter 2> [Order 1] Done burger",
                               "12:00:07 <Waiter 1> [Order 0] Done order!",
                               "12:00:07 <Waiter 1> [Order 0] Dispatch burger",
                               "12:00:07 <Waiter 1> [Order 0] Dispatch soda",
                               "12:00:07 <Waiter 1> [Order 0] --------Done dispatch!--------",
                               "",
                               "12:00:07 <Waiter 1> [Order 2] ********Request order!********",
                               "12:00:07 <Waiter 2> [Order 1] Done order!",
                               "12:00:07 <Waiter 2> [Order 1] Dispatch burger",
                               "12:00:07 <Waiter 2> [Order 1] Dispatch burger",
                               "12:00:07 <Waiter 2> [Order 1] Dispatch beer",
                               "12:00:07 <Waiter 2> [Order 1] Dispatch frites",
                               "12:00:07 <Waiter 2> [Order 1] --------Done dispatch!--------",
                               "",
                               "12:00:07 <Waiter 2> [Order 3] ********Request order!********",
                               "12:00:07 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:07 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:07 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
                               "12:00:07 <Waiter 2> [Order 3] Request burger. Wait 7.5 s...",
                               "12:00:07 <Waiter 2> [Order 3] Request frites. Wait 4 s...",
                               "12:00:08 <Waiter 1> [Order 2] Done beer",
                               "12:00:08 <Waiter 1> [Order 2] Done beer",
                               "12:00:08 <Waiter 1> [Order 2] Done beer",
                               "12:00:08 <Waiter 1> [Order 2] Done order!",
                               "12:00:08 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:08 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:08 <Waiter 1> [Order 2] Dispatch beer",
                               "12:00:08 <Waiter 1> [Order 2] --------Done dispatch!--------",
                               "",
                               "12:00:11 <Waiter 2> [Order 3] Done frites",
                               "12:00:15 <Waiter 2> [Order 3] Done burger",
                               "12:00:15 <Waiter 2> [Order 3] Done order!",
                               "12:00:15 <Waiter 2> [Order 3] Dispatch burger",
                               "12:00:15 <Waiter 2> [Order 3] Dispatch frites",
                               "12:00:15 <Waiter 2> [Order 3] --------Done dispatch!--------",
                               "",
                           });
}

TEST_CASE("the number of waiter tasks decides: 1 takes 23.7 s, 2 take 15 s, 4 take 7.5 s, 10 still 7.5 s") {
    struct Case {
        int waiters;
        double end;
    };
    for (const Case& expected : {Case{1, 23.7}, Case{2, 15.0}, Case{4, 7.5}, Case{10, 7.5}}) {
        CAPTURE(expected.waiters);
        SectionFixture f;
        CHECK(serve_today(f, expected.waiters).end == expected.end);
    }
}

TEST_CASE("serve_orders() leaves no waiter task behind: an order put on the queue after it returned stays there") {
    SectionFixture f;
    const Day day = serve_today(f, 2);
    CHECK(day.after == Lines{});
    CHECK(day.left == 1);
}

TEST_CASE("an empty queue: serve_orders() returns at once, and nobody is announced") {
    SectionFixture f;
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    aio::Queue<restaurant::Order> orders;
    aio::run(exercises::serve_orders(staff, orders, 3), {.clock = &f.clock});
    CHECK(f.clock.now() == 0.0);
    CHECK(f.log.lines() == Lines{});
}
