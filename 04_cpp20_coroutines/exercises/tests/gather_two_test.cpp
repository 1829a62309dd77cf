#include "course_test.hpp"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "gather_two.hpp"

namespace {

using Lines = std::vector<std::string>;

aio::Coroutine<int> number_after(Lines& lines, double seconds, int value) {
    lines.push_back(fmt::format("{} starts at {}", value, aio::time()));
    co_await aio::sleep(seconds);
    lines.push_back(fmt::format("{} ends at {}", value, aio::time()));
    co_return value;
}

aio::Coroutine<std::string> text_after(double seconds, std::string text) {
    co_await aio::sleep(seconds);
    co_return text;
}

aio::Coroutine<int> fail_after(double seconds) {
    co_await aio::sleep(seconds);
    throw std::runtime_error("failed");
}

aio::Coroutine<int> fail_with(double seconds, std::string what) {
    co_await aio::sleep(seconds);
    throw std::runtime_error(what);
}

// Sleeps, and says so when a cancellation reaches it.
aio::Coroutine<int> patient(Lines& lines, std::string name, double seconds) {
    try {
        co_await aio::sleep(seconds);
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("{} cancelled at {}", name, aio::time()));
        throw;
    }
    lines.push_back(fmt::format("{} done at {}", name, aio::time()));
    co_return 1;
}

// Takes its time to stop: a cancellation reaching it is caught, cleaned up for half a second,
// then passed on.
aio::Coroutine<int> slow_to_stop(Lines& lines, std::string name, double seconds) {
    try {
        co_await aio::sleep(seconds);
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("{} cancelled at {}, cleans up", name, aio::time()));
    }
    co_await aio::sleep(0.5);
    lines.push_back(fmt::format("{} stops at {}", name, aio::time()));
    throw aio::CancelledError();
}

// Both children take their time to stop; gather_two is waiting for a when the cancel() comes.
// a logs to a_lines; b, then gather_two's caller, to rest.
aio::Coroutine<void> cancel_while_children_stop_slowly(Lines& a_lines, Lines& rest) {
    aio::Task<std::pair<int, int>> both =
        aio::create_task(exercises::gather_two(slow_to_stop(a_lines, "a", 5.0), slow_to_stop(rest, "b", 5.0)));
    co_await aio::sleep(1.0);
    both.cancel();
    try {
        co_await both;
        rest.push_back("gather_two returned");
    } catch (const aio::CancelledError&) {
        rest.push_back(fmt::format("gather_two cancelled at {}: cancelled() = {}", aio::time(), both.cancelled()));
    }
    rest.push_back(fmt::format("tasks left: {}", aio::get_running_loop().unfinished_tasks()));
}

aio::Coroutine<void> cancel_gather_two(Lines& lines, double a_seconds, double b_seconds, bool twice = false) {
    aio::Task<std::pair<int, int>> both =
        aio::create_task(exercises::gather_two(patient(lines, "a", a_seconds), patient(lines, "b", b_seconds)));
    co_await aio::sleep(1.0);
    both.cancel();
    if (twice) {
        co_await aio::sleep(0);  // the first cancel() has reached gather_two, which now waits for a to stop
        both.cancel();
    }
    try {
        co_await both;
        lines.push_back("gather_two returned");
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("gather_two cancelled at {}: cancelled() = {}", aio::time(), both.cancelled()));
    }
}

}  // namespace

TEST_CASE("gather_two runs both at once: 1 s and 2 s take 2 s together, results in argument order") {
    Lines lines;
    aio::EventLoop loop({.virtual_time = true});
    const std::pair<int, int> result =
        loop.run_until_complete(exercises::gather_two(number_after(lines, 2.0, 20), number_after(lines, 1.0, 10)));
    CHECK(result == std::pair<int, int>{20, 10});
    CHECK(loop.time() == 2.0);
    CHECK(lines == Lines{"20 starts at 0", "10 starts at 0", "10 ends at 1", "20 ends at 2"});
}

TEST_CASE("gather_two pairs results of different types") {
    aio::EventLoop loop({.virtual_time = true});
    Lines lines;
    const std::pair<int, std::string> result =
        loop.run_until_complete(exercises::gather_two(number_after(lines, 0.5, 7), text_after(1.0, "seven")));
    CHECK(result == std::pair<int, std::string>{7, "seven"});
}

TEST_CASE("when one child fails, gather_two still waits for the other, then rethrows") {
    aio::EventLoop loop({.virtual_time = true});
    Lines lines;
    CHECK_THROWS_WITH_AS(loop.run_until_complete(exercises::gather_two(fail_after(1.0), number_after(lines, 3.0, 3))),
                         "failed", std::runtime_error);
    CHECK(loop.time() == 3.0);
    CHECK(lines == Lines{"3 starts at 0", "3 ends at 3"});
}

TEST_CASE("when both children fail, a's exception wins (argument order), after both have finished") {
    aio::EventLoop loop({.virtual_time = true});
    CHECK_THROWS_WITH_AS(loop.run_until_complete(exercises::gather_two(fail_with(2.0, "a failed at 2 s"),
                                                                       fail_with(1.0, "b failed at 1 s"))),
                         "a failed at 2 s", std::runtime_error);
    CHECK(loop.time() == 2.0);
}

TEST_CASE("cancelling gather_two while both children wait cancels both, then gather_two ends cancelled") {
    Lines lines;
    aio::run(cancel_gather_two(lines, 5.0, 5.0), {.virtual_time = true});
    CHECK(lines == Lines{"a cancelled at 1", "b cancelled at 1", "gather_two cancelled at 1: cancelled() = true"});
}

TEST_CASE("cancelling gather_two after a finished cancels b, the child it still waits for") {
    Lines lines;
    aio::run(cancel_gather_two(lines, 0.5, 5.0), {.virtual_time = true});
    CHECK(lines == Lines{"a done at 0.5", "b cancelled at 1", "gather_two cancelled at 1: cancelled() = true"});
}

TEST_CASE("a second cancel() while gather_two waits for its children to stop still leaves no orphan") {
    Lines lines;
    aio::run(cancel_gather_two(lines, 5.0, 5.0, true), {.virtual_time = true});
    CHECK(lines == Lines{"a cancelled at 1", "b cancelled at 1", "gather_two cancelled at 1: cancelled() = true"});
}

TEST_CASE("children that take time to stop have both stopped before a cancelled gather_two ends") {
    Lines a_lines;
    Lines rest;
    aio::run(cancel_while_children_stop_slowly(a_lines, rest), {.virtual_time = true});
    CHECK(a_lines == Lines{"a cancelled at 1, cleans up", "a stops at 1.5"});
    // b may be cancelled at once, or once a has stopped: either way gather_two ends after b stops.
    const Lines b_at_once{"b cancelled at 1, cleans up", "b stops at 1.5",
                          "gather_two cancelled at 1.5: cancelled() = true", "tasks left: 1"};
    const Lines b_after_a{"b cancelled at 1.5, cleans up", "b stops at 2",
                          "gather_two cancelled at 2: cancelled() = true", "tasks left: 1"};
    CAPTURE(rest);
    CHECK((rest == b_at_once || rest == b_after_a));
}
