#include "course_test.hpp"

#include <fmt/format.h>

#include "common/clock.hpp"
#include "next_timeout.hpp"
#include "timer_heap.hpp"

TEST_CASE("with tasks ready, the loop does not sleep at all, whatever the timers say") {
    CHECK(exercises::next_timeout(2, 5.0, 1.0) == 0.0);
    CHECK(exercises::next_timeout(1, std::nullopt, 1.0) == 0.0);
}

TEST_CASE("with nothing ready, the loop sleeps exactly until the earliest deadline") {
    CHECK(exercises::next_timeout(0, 5.0, 1.5) == 3.5);
    CHECK(exercises::next_timeout(0, 0.25, 0.0) == 0.25);
}

TEST_CASE("a deadline that has already passed means no sleep, never a negative one") {
    CHECK(exercises::next_timeout(0, 1.0, 2.0) == 0.0);
    CHECK(exercises::next_timeout(0, 2.0, 2.0) == 0.0);
}

TEST_CASE("with nothing ready and no timer set, there is nothing to wait for") {
    CHECK(exercises::next_timeout(0, std::nullopt, 7.0) == std::nullopt);
}

TEST_CASE("a loop that sleeps for next_timeout() wakes exactly at each deadline, equal ones in order") {
    common::VirtualClock clock;
    manual_loop::TimerHeap<char> timers;
    timers.push(1.5, 'a');
    timers.push(0.5, 'b');
    timers.push(0.5, 'c');
    timers.push(4.0, 'd');
    std::vector<std::string> fired;
    const auto earliest = [&]() -> std::optional<double> {
        if (timers.empty()) return std::nullopt;
        return timers.earliest();
    };
    while (const std::optional<double> timeout = exercises::next_timeout(0, earliest(), clock.now())) {
        clock.sleep_for(*timeout);
        while (const std::optional<char> due = timers.pop_due(clock.now())) {
            fired.push_back(fmt::format("{}@{}", *due, clock.now()));
        }
    }
    CHECK(fired == std::vector<std::string>{"b@0.5", "c@0.5", "a@1.5", "d@4"});
    CHECK(clock.now() == 4.0);
}
