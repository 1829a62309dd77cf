// Section queue: K waiter tasks on an aio::Queue, C cooks as an aio::Semaphore, on virtual time.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "kitchen.hpp"
#include "menu.hpp"
#include "queue_restaurant.hpp"
#include "sections.hpp"
#include "staff.hpp"

namespace {

restaurant::ServiceReport day(SectionFixture& f, int waiters, int cooks) {
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    return restaurant::serve_from_queue(staff, restaurant::todays_orders(), waiters, cooks);
}

double total(int waiters, int cooks) {
    SectionFixture f;
    return day(f, waiters, cooks).total;
}

}  // namespace

TEST_CASE("one cook makes the kitchen the bottleneck: 43.8 s for 1, 2 or 4 waiter tasks") {
    CHECK(total(1, 1) == 43.8);
    CHECK(total(2, 1) == 43.8);
    CHECK(total(4, 1) == 43.8);
}

TEST_CASE("two cooks: 28.9 s with one waiter task, 23.6 s with two or four") {
    CHECK(total(1, 2) == 28.9);
    CHECK(total(2, 2) == 23.6);
    CHECK(total(4, 2) == 23.6);
}

TEST_CASE("unlimited cooks: 23.7 s with one waiter task (an order at a time), 15 s with two, 7.5 s with four") {
    CHECK(total(1, 0) == 23.7);
    CHECK(total(2, 0) == 15.0);
    CHECK(total(4, 0) == 7.5);
}

TEST_CASE("more waiter tasks than orders: the idle ones wait in get() until cancelled, and the day ends") {
    SectionFixture f;
    const restaurant::ServiceReport report = day(f, 10, 0);
    CHECK(report.total == 7.5);
    CHECK(f.clock.now() == 7.5);
    int dispatched = 0;
    for (const std::string& line : f.log.lines()) dispatched += line.ends_with("Done dispatch!--------") ? 1 : 0;
    CHECK(dispatched == 4);
}

TEST_CASE("a kitchen with a negative number of cooks is refused") {
    CHECK_THROWS_AS(restaurant::Kitchen(-1), std::invalid_argument);
}

TEST_CASE("the queue section serves the day with 2 waiter tasks and 2 cooks in 23.6 s, then prints the table") {
    SectionFixture f;
    sections::queue(f.ctx, 2, 2);
    const std::vector<std::string> lines = f.log.lines();
    REQUIRE(lines.size() >= 8);
    CHECK(std::vector<std::string>(lines.end() - 8, lines.end()) ==
          std::vector<std::string>{
              "12:00:23 queue: every order served in 23.6 s",
              "12:00:23 2 waiters, 2 cooks: 23.6 s",
              "",
              "total time, K waiter tasks (columns) and C cooks (rows):",
              "     cooks     K = 1     K = 2     K = 4",
              "         1    43.8 s    43.8 s    43.8 s",
              "         2    28.9 s    23.6 s    23.6 s",
              " unlimited    23.7 s      15 s     7.5 s",
          });
}

TEST_CASE("a request is logged when a cook takes it, so its wait is true: 2 waiters, 2 cooks, the first 9 s") {
    SectionFixture f;
    day(f, 2, 2);
    const std::vector<std::string> lines = f.log.lines();
    REQUIRE(lines.size() >= 21);
    CHECK(std::vector<std::string>(lines.begin(), lines.begin() + 21) ==
          std::vector<std::string>{
              "12:00:00 Received orders",
              "12:00:00 <Waiter 1> [Order 0] ********Request order!********",
              "12:00:00 <Waiter 2> [Order 1] ********Request order!********",
              "12:00:00 <Waiter 1> [Order 0] Request burger. Wait 7.5 s...",
              "12:00:00 <Waiter 1> [Order 0] Request soda. Wait 1 s...",
              "12:00:01 <Waiter 1> [Order 0] Done soda",
              "12:00:01 <Waiter 2> [Order 1] Request burger. Wait 7.5 s...",
              "12:00:07 <Waiter 1> [Order 0] Done burger",
              "12:00:07 <Waiter 2> [Order 1] Request burger. Wait 7.5 s...",
              "12:00:07 <Waiter 1> [Order 0] Done order!",
              "12:00:07 <Waiter 1> [Order 0] Dispatch burger",
              "12:00:07 <Waiter 1> [Order 0] Dispatch soda",
              "12:00:07 <Waiter 1> [Order 0] --------Done dispatch!--------",
              "",
              "12:00:07 <Waiter 1> [Order 2] ********Request order!********",
              "12:00:08 <Waiter 2> [Order 1] Done burger",
              "12:00:08 <Waiter 2> [Order 1] Request beer. Wait 1.2 s...",
              "12:00:09 <Waiter 2> [Order 1] Done beer",
              "12:00:09 <Waiter 2> [Order 1] Request frites. Wait 4 s...",
              "12:00:13 <Waiter 2> [Order 1] Done frites",
              "12:00:13 <Waiter 1> [Order 2] Request beer. Wait 1.2 s...",
          });
}
