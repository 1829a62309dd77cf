#include "course_test.hpp"

#include "busy_loop.hpp"
#include "ticker.hpp"
#include "timer_loop.hpp"

TEST_CASE("two tickers on the timer loop: ticks interleave, and each returns how long it ran, in ms") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    std::vector<manual_loop::Task> tasks;
    tasks.emplace_back(exercises::Ticker("A", 3, 1.0, clock, log));
    tasks.emplace_back(exercises::Ticker("B", 2, 2.0, clock, log));
    manual_loop::TimerLoop loop(clock);
    CHECK(loop.run(std::move(tasks)) == std::vector<int>{3000, 4000});
    CHECK(clock.now() == 4.0);
    CHECK(log.lines() == std::vector<std::string>{
                             "[  0.000s] A: tick 1",
                             "[  0.000s] B: tick 1",
                             "[  1.000s] A: tick 2",
                             // Both timers say 2 s; B's was set first (at 0 s), so B goes first.
                             "[  2.000s] B: tick 2",
                             "[  2.000s] A: tick 3",
                             "[  3.000s] A: done",
                             "[  4.000s] B: done",
                         });
}

TEST_CASE("a ticker stepped before its deadline yields the same deadline again, and prints nothing") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    exercises::Ticker ticker("T", 1, 0.5, clock, log);
    const manual_loop::Step first = ticker();
    REQUIRE(std::holds_alternative<manual_loop::Yield>(first));
    CHECK(std::get<manual_loop::Yield>(first).deadline == 0.5);
    clock.sleep_until(0.25);
    const manual_loop::Step early = ticker();
    REQUIRE(std::holds_alternative<manual_loop::Yield>(early));
    CHECK(std::get<manual_loop::Yield>(early).deadline == 0.5);
    clock.sleep_until(0.5);
    const manual_loop::Step last = ticker();
    REQUIRE(std::holds_alternative<manual_loop::Return>(last));
    CHECK(std::get<manual_loop::Return>(last).value == 500);
    CHECK(log.lines() == std::vector<std::string>{"[  0.000s] T: tick 1", "[  0.500s] T: done"});
}

TEST_CASE("the same ticker runs on the busy loop too, with the same result") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    std::vector<manual_loop::Task> tasks;
    tasks.emplace_back(exercises::Ticker("A", 3, 1.0, clock, log));
    const manual_loop::BusyRun run = manual_loop::run_busy(std::move(tasks), clock);
    CHECK(run.results == std::vector<int>{3000});
    CHECK(clock.now() == 3.0);
    CHECK(log.lines().size() == 4);
}

TEST_CASE("a ticker of 0 ticks returns 0 ms on its first step") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    clock.sleep_until(1.0);
    exercises::Ticker ticker("Z", 0, 1.0, clock, log);
    const manual_loop::Step step = ticker();
    REQUIRE(std::holds_alternative<manual_loop::Return>(step));
    CHECK(std::get<manual_loop::Return>(step).value == 0);
    CHECK(log.lines() == std::vector<std::string>{"[  1.000s] Z: done"});
}

TEST_CASE("a ticker started at 1 s keeps its interval from its own start and returns how long it ran") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    clock.sleep_until(1.0);
    std::vector<manual_loop::Task> tasks;
    tasks.emplace_back(exercises::Ticker("L", 2, 0.5, clock, log));
    manual_loop::TimerLoop loop(clock);
    CHECK(loop.run(std::move(tasks)) == std::vector<int>{1000});
    CHECK(clock.now() == 2.0);
    CHECK(log.lines() ==
          std::vector<std::string>{"[  1.000s] L: tick 1", "[  1.500s] L: tick 2", "[  2.000s] L: done"});
}
