#include "course_test.hpp"

#include "running_total.hpp"

using Lines = std::vector<std::string>;

TEST_CASE("running_total yields 0, 1, 2 and adds up what it is sent, None counting as 0") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::RunningTotal gen(3, log);
    CHECK(log.lines().empty());
    CHECK(gen.next() == 0);
    CHECK(gen.send(10) == 1);
    CHECK(gen.total() == 10);
    CHECK(gen.next() == 2);
    CHECK(gen.total() == 10);
    CHECK(gen.send(5) == std::nullopt);
    CHECK(gen.total() == 15);
    CHECK(log.lines() == Lines{
                             "[  0.000s] running_total: yield 0",
                             "[  0.000s] running_total: got 10, c = 10",
                             "[  0.000s] running_total: yield 1",
                             "[  0.000s] running_total: got None, c = 10",
                             "[  0.000s] running_total: yield 2",
                             "[  0.000s] running_total: got 5, c = 15",
                             "[  0.000s] running_total: finished, c = 15",
                         });
}

TEST_CASE("running_total(0) finishes on its first next(), with a total of 0") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::RunningTotal gen(0, log);
    CHECK(gen.next() == std::nullopt);
    CHECK(gen.finished());
    CHECK(gen.total() == 0);
    CHECK(log.lines() == Lines{"[  0.000s] running_total: finished, c = 0"});
}

TEST_CASE("two running totals keep separate frames") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::RunningTotal a(5, log);
    coroutines::RunningTotal b(5, log);
    a.next();
    b.next();
    a.send(1);
    b.send(100);
    a.send(2);
    CHECK(a.total() == 3);
    CHECK(b.total() == 100);
}
