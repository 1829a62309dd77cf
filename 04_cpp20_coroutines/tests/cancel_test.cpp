// Cancellation as asyncio does it: a cancel reaches what the task awaits, twice before delivery
// delivers once, a cancel during the last step still ends the task cancelled, and CancelledError
// is no std::exception. Each expected run was checked against Python 3.11 on a virtual clock.
#include "course_test.hpp"

#include <exception>
#include <string>
#include <type_traits>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"

namespace {

using Lines = std::vector<std::string>;

void note(Lines& lines, const std::string& text) { lines.push_back(fmt::format("{:.1f}s {}", aio::time(), text)); }

aio::Coroutine<void> sleeps_then_reports(Lines& lines, std::string name, double seconds) {
    try {
        co_await aio::sleep(seconds);
    } catch (const aio::CancelledError&) {
        note(lines, name + " cancelled");
        throw;
    }
}

aio::Coroutine<void> awaits_task(Lines& lines, aio::Task<void> awaited) {
    try {
        co_await awaited;
    } catch (const aio::CancelledError&) {
        note(lines, "awaiter cancelled");
        throw;
    }
}

aio::Coroutine<void> cancel_an_awaiter(Lines& lines) {
    aio::Task<void> awaited = aio::create_task(sleeps_then_reports(lines, "awaited", 10.0));
    aio::Task<void> awaiter = aio::create_task(awaits_task(lines, awaited));
    co_await aio::sleep(1.0);
    awaiter.cancel();
    try {
        co_await awaiter;
    } catch (const aio::CancelledError&) {}
    note(lines, fmt::format("awaiter cancelled: {}, awaited cancelled: {}", awaiter.cancelled(), awaited.cancelled()));
}

}  // namespace

TEST_CASE("cancelling a task that awaits another task cancels the awaited one, then the awaiter") {
    Lines lines;
    aio::run(cancel_an_awaiter(lines), {.virtual_time = true});
    CHECK(lines == Lines{"1.0s awaited cancelled", "1.0s awaiter cancelled",
                         "1.0s awaiter cancelled: true, awaited cancelled: true"});
}

namespace {

aio::Coroutine<void> awaits_future(aio::Future<int> future) { co_await future; }

aio::Coroutine<void> cancel_a_future_awaiter(Lines& lines) {
    aio::Future<int> future;
    aio::Task<void> awaiter = aio::create_task(awaits_future(future));
    co_await aio::sleep(1.0);
    awaiter.cancel();
    try {
        co_await awaiter;
    } catch (const aio::CancelledError&) {}
    note(lines, fmt::format("future cancelled: {}, awaiter cancelled: {}", future.cancelled(), awaiter.cancelled()));
}

}  // namespace

TEST_CASE("cancelling a task that awaits a Future cancels the future") {
    Lines lines;
    aio::run(cancel_a_future_awaiter(lines), {.virtual_time = true});
    CHECK(lines == Lines{"1.0s future cancelled: true, awaiter cancelled: true"});
}

namespace {

// Catches the first cancellation, then cleans up for 1 s.
aio::Coroutine<void> slow_cleanup(Lines& lines) {
    try {
        co_await aio::sleep(10.0);
    } catch (const aio::CancelledError&) {
        note(lines, "child cleaning up");
    }
    try {
        co_await aio::sleep(1.0);
        note(lines, "child cleanup done");
    } catch (const aio::CancelledError&) {
        note(lines, "child cleanup cancelled");
        throw;
    }
    throw aio::CancelledError{};
}

aio::Coroutine<void> gathers_then_sleeps(Lines& lines) {
    try {
        co_await aio::gather(slow_cleanup(lines), sleeps_then_reports(lines, "other child", 10.0));
    } catch (const aio::CancelledError&) {
        note(lines, "gather cancelled");
    }
    co_await aio::sleep(5.0);
    note(lines, "after");
}

aio::Coroutine<void> cancel_a_gather_twice(Lines& lines) {
    aio::Task<void> task = aio::create_task(gathers_then_sleeps(lines));
    co_await aio::sleep(1.0);
    task.cancel();
    co_await aio::sleep(0.5);
    task.cancel();
    co_await task;
    note(lines, fmt::format("cancelled: {}", task.cancelled()));
}

}  // namespace

TEST_CASE("a second cancel() while a gather cleans up goes to its children, and the gather raises once") {
    Lines lines;
    aio::run(cancel_a_gather_twice(lines), {.virtual_time = true});
    CHECK(lines == Lines{"1.0s child cleaning up", "1.0s other child cancelled", "1.5s child cleanup cancelled",
                         "1.5s gather cancelled", "6.5s after", "6.5s cancelled: false"});
}

namespace {

aio::Coroutine<int> cancels_itself(aio::Task<int>& self) {
    co_await aio::sleep(1.0);
    self.cancel();
    co_return 5;
}

aio::Coroutine<void> self_cancel(Lines& lines) {
    aio::Task<int> task;
    task = aio::create_task(cancels_itself(task));
    try {
        const int value = co_await task;
        note(lines, fmt::format("returned {}", value));
    } catch (const aio::CancelledError&) {
        note(lines, fmt::format("CancelledError, cancelled: {}", task.cancelled()));
    }
}

}  // namespace

TEST_CASE("a cancel() requested during the task's last step ends it cancelled, as in asyncio") {
    Lines lines;
    aio::run(self_cancel(lines), {.virtual_time = true});
    CHECK(lines == Lines{"1.0s CancelledError, cancelled: true"});
}

namespace {

aio::Coroutine<int> swallows_cancel(Lines& lines) {
    try {
        co_await aio::sleep(10.0);
    } catch (const aio::CancelledError&) {
        note(lines, "inner swallows the cancellation");
    }
    co_return 42;
}

aio::Coroutine<void> wait_for_swallowed(Lines& lines) {
    const int value = co_await aio::wait_for(swallows_cancel(lines), 1.0);
    note(lines, fmt::format("wait_for returned {}", value));
}

}  // namespace

TEST_CASE("wait_for returns the value when the inner work swallows its cancellation (asyncio 3.11, 3.12)") {
    Lines lines;
    aio::run(wait_for_swallowed(lines), {.virtual_time = true});
    CHECK(lines == Lines{"1.0s inner swallows the cancellation", "1.0s wait_for returned 42"});
}

namespace {

aio::Coroutine<void> catches_twice(Lines& lines) {
    for (int round = 0; round < 2; ++round) {
        try {
            co_await aio::sleep(10.0);
            note(lines, "slept");
        } catch (const aio::CancelledError&) {
            note(lines, "CancelledError");
        }
    }
}

aio::Coroutine<void> cancel_twice(Lines& lines) {
    aio::Task<void> task = aio::create_task(catches_twice(lines));
    co_await aio::sleep(1.0);
    task.cancel();
    task.cancel();
    co_await task;
    note(lines, fmt::format("cancelled: {}", task.cancelled()));
}

}  // namespace

TEST_CASE("cancelling twice before delivery delivers one CancelledError") {
    Lines lines;
    aio::run(cancel_twice(lines), {.virtual_time = true});
    CHECK(lines == Lines{"1.0s CancelledError", "11.0s slept", "11.0s cancelled: false"});
}

namespace {

aio::Coroutine<void> catches_std_exceptions(Lines& lines) {
    try {
        co_await aio::sleep(10.0);
    } catch (const std::exception&) {
        note(lines, "swallowed by catch (const std::exception&)");
    }
}

aio::Coroutine<void> cancel_through_std_catch(Lines& lines) {
    aio::Task<void> task = aio::create_task(catches_std_exceptions(lines));
    co_await aio::sleep(1.0);
    task.cancel();
    try {
        co_await task;
    } catch (const aio::CancelledError&) {
        note(lines, "CancelledError reached the awaiter");
    }
}

}  // namespace

TEST_CASE("CancelledError is not a std::exception: catch (const std::exception&) cannot swallow a cancellation") {
    CHECK_FALSE(std::is_base_of_v<std::exception, aio::CancelledError>);
    CHECK(std::is_base_of_v<std::exception, aio::TimeoutError>);
    Lines lines;
    aio::run(cancel_through_std_catch(lines), {.virtual_time = true});
    CHECK(lines == Lines{"1.0s CancelledError reached the awaiter"});
}
