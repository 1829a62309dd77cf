#include "course_test.hpp"

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "sleep_until.hpp"

namespace {

using Lines = std::vector<std::string>;

aio::Coroutine<double> wake_at(Lines& lines, double deadline) {
    const double late = co_await exercises::sleep_until(deadline);
    lines.push_back(fmt::format("woke at {}, {} s late", aio::time(), late));
    co_return late;
}

aio::Coroutine<void> note(Lines& lines, std::string what) {
    lines.push_back(fmt::format("{} at iteration {}", what, aio::get_running_loop().iterations()));
    co_return;
}

// A deadline that has passed: the awaiter must not suspend, so the task that was scheduled
// before it still has not run when the co_await returns.
aio::Coroutine<void> past_deadline(Lines& lines) {
    co_await aio::sleep(3.0);
    aio::Task<void> other = aio::create_task(note(lines, "other task"));
    const double late = co_await exercises::sleep_until(1.0);
    lines.push_back(
        fmt::format("past deadline: {} s late, at iteration {}", late, aio::get_running_loop().iterations()));
    co_await other;
}

// The blocking mistake of section "blocking": a task that holds the loop makes others wake late.
aio::Coroutine<void> hog(Lines& lines) {
    aio::get_running_loop().clock().sleep_for(1.5);  // time.sleep(1.5): the loop is stuck
    lines.push_back(fmt::format("hog lets go at {}", aio::time()));
    co_return;
}

aio::Coroutine<void> late_by_a_hog(Lines& lines) { co_await aio::gather(wake_at(lines, 1.0), hog(lines)); }

aio::Coroutine<void> sleeper(Lines& lines) {
    try {
        co_await exercises::sleep_until(1e10);  // a deadline centuries away: cancel() must not wait for it
        lines.push_back("sleeper: woke up");
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("sleeper: cancelled at {}", aio::time()));
        throw;
    }
}

aio::Coroutine<bool> cancel_the_sleeper(Lines& lines) {
    aio::Task<void> task = aio::create_task(sleeper(lines));
    co_await aio::sleep(1.0);
    task.cancel();
    try {
        co_await task;
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("main: the task ended cancelled at {}", aio::time()));
    }
    co_return task.cancelled();
}

// Every other case starts at 0 s, where a deadline and the time left to it are the same number.
aio::Coroutine<void> after_a_sleep(Lines& lines) {
    co_await aio::sleep(1.0);
    co_await wake_at(lines, 3.0);
    co_await wake_at(lines, 3.5);
}

// A deadline equal to now has been reached: no suspension, not even one loop turn.
aio::Coroutine<void> deadline_is_now(Lines& lines) {
    co_await aio::sleep(1.5);
    aio::Task<void> other = aio::create_task(note(lines, "other task"));
    const double late = co_await exercises::sleep_until(1.5);
    lines.push_back(fmt::format("deadline now: {} s late, at {}, iteration {}", late, aio::time(),
                                aio::get_running_loop().iterations()));
    co_await other;
}

aio::Coroutine<std::vector<double>> thousand_sleepers(Lines& lines) {
    std::vector<aio::Coroutine<double>> sleepers;
    for (int i = 999; i >= 0; --i) sleepers.push_back(wake_at(lines, i / 1000.0));
    co_return co_await aio::gather(std::move(sleepers));
}

}  // namespace

TEST_CASE("sleep_until(2) from 0 wakes at exactly 2 s, 0 s late") {
    Lines lines;
    CHECK(aio::run(wake_at(lines, 2.0), {.virtual_time = true}) == 0.0);
    CHECK(lines == Lines{"woke at 2, 0 s late"});
}

TEST_CASE("a passed deadline is ready: no suspension, no loop turn, and how late it is") {
    Lines lines;
    aio::run(past_deadline(lines), {.virtual_time = true});
    CHECK(lines == Lines{"past deadline: 2 s late, at iteration 1", "other task at iteration 2"});
}

TEST_CASE("a task that blocks the loop makes the sleeper wake late, and await_resume says by how much") {
    Lines lines;
    common::VirtualClock clock;
    aio::run(late_by_a_hog(lines), {.clock = &clock});
    CHECK(lines == Lines{"hog lets go at 1.5", "woke at 1.5, 0.5 s late"});
}

TEST_CASE("cancelling a task in sleep_until delivers CancelledError where it waits, at once") {
    Lines lines;
    CHECK(aio::run(cancel_the_sleeper(lines), {.virtual_time = true}));
    CHECK(lines == Lines{"sleeper: cancelled at 1", "main: the task ended cancelled at 1"});
}

TEST_CASE("a thousand tasks sleep until their own deadlines and wake in deadline order") {
    Lines lines;
    const std::vector<double> lateness = aio::run(thousand_sleepers(lines), {.virtual_time = true});
    CHECK(lateness == std::vector<double>(1000, 0.0));
    REQUIRE(lines.size() == 1000);
    CHECK(lines.front() == "woke at 0, 0 s late");
    CHECK(lines.back() == "woke at 0.999, 0 s late");
}

TEST_CASE("sleep(1) then sleep_until(3) wakes at 3 s, not at 4 s, and sleep_until(3.5) then at 3.5 s") {
    Lines lines;
    aio::run(after_a_sleep(lines), {.virtual_time = true});
    CHECK(lines == Lines{"woke at 3, 0 s late", "woke at 3.5, 0 s late"});
}

TEST_CASE("a deadline equal to the loop's time is ready: no suspension, no loop turn") {
    Lines lines;
    aio::run(deadline_is_now(lines), {.virtual_time = true});
    CHECK(lines == Lines{"deadline now: 0 s late, at 1.5, iteration 1", "other task at iteration 2"});
}
