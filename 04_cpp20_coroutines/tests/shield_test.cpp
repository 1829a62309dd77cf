// aio::shield: a cancel() of the waiter stops the wait, never the shielded task.
#include "course_test.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "story.hpp"

namespace {

using story::Lines;
using story::note;

aio::Coroutine<int> save(Lines& lines, double seconds, int value) {
    try {
        co_await aio::sleep(seconds);
    } catch (const aio::CancelledError&) {
        note(lines, "save cancelled");
        throw;
    }
    note(lines, "save finishes");
    co_return value;
}

aio::Coroutine<void> shielded_waiter(Lines& lines, aio::Task<int> task) {
    try {
        const int value = co_await aio::shield(task);
        note(lines, fmt::format("waiter got {}", value));
    } catch (const aio::CancelledError&) {
        note(lines, "waiter: CancelledError");
        throw;
    }
}

aio::Coroutine<void> cancel_the_waiter(Lines& lines) {
    aio::Task<int> task = aio::create_task(save(lines, 3.0, 42));
    aio::Task<void> waiter = aio::create_task(shielded_waiter(lines, task));
    co_await aio::sleep(1.0);
    waiter.cancel();
    try {
        co_await waiter;
    } catch (const aio::CancelledError&) {
        note(lines, fmt::format("waiter cancelled: {}; task done: {}", waiter.cancelled(), task.done()));
    }
    const int value = co_await task;
    note(lines, fmt::format("task returned {}, cancelled: {}", value, task.cancelled()));
}

}  // namespace

TEST_CASE(
    "cancelling the awaiter of shield(task) spares the task: the awaiter gets CancelledError, the task its value") {
    CHECK(story::told(cancel_the_waiter) == Lines{"1.0s waiter: CancelledError",
                                                  "1.0s waiter cancelled: true; task done: false", "3.0s save finishes",
                                                  "3.0s task returned 42, cancelled: false"});
}

namespace {

aio::Coroutine<void> shield_under_wait_for(Lines& lines) {
    aio::Task<int> task = aio::create_task(save(lines, 3.0, 7));
    try {
        co_await aio::wait_for(aio::shield(task), 1.0);
    } catch (const aio::TimeoutError&) {
        note(lines, "wait_for: TimeoutError; the save goes on");
    }
    const int value = co_await task;
    note(lines, fmt::format("task returned {}", value));
}

}  // namespace

TEST_CASE("wait_for(shield(task)) times out without cancelling the task") {
    CHECK(story::told(shield_under_wait_for) ==
          Lines{"1.0s wait_for: TimeoutError; the save goes on", "3.0s save finishes", "3.0s task returned 7"});
}

namespace {

aio::Coroutine<int> fails_after(double seconds) {
    co_await aio::sleep(seconds);
    throw std::runtime_error("disk full");
}

aio::Coroutine<void> cancel_after(aio::Task<int> task, double seconds) {
    co_await aio::sleep(seconds);
    task.cancel();
}

aio::Coroutine<void> outcomes_through_shield(Lines& lines) {
    aio::Task<int> ok = aio::create_task(save(lines, 1.0, 5));
    const int value = co_await aio::shield(ok);
    note(lines, fmt::format("value {}", value));
    const std::uint64_t before = aio::get_running_loop().iterations();
    const int again = co_await aio::shield(ok);
    note(lines, fmt::format("done already: {} after {} turn(s)", again, aio::get_running_loop().iterations() - before));
    try {
        co_await aio::shield(aio::create_task(fails_after(1.0)));
    } catch (const std::runtime_error& error) {
        note(lines, fmt::format("raised '{}'", error.what()));
    }
    aio::Task<int> doomed = aio::create_task(save(lines, 5.0, 1));
    aio::Task<void> canceller = aio::create_task(cancel_after(doomed, 1.0));
    try {
        co_await aio::shield(doomed);
    } catch (const aio::CancelledError&) {
        note(lines, "the task itself was cancelled: CancelledError through the shield");
    }
    co_await canceller;
}

}  // namespace

TEST_CASE("shield passes the task's value, exception or cancellation through, a finished task returns at once") {
    CHECK(story::told(outcomes_through_shield) ==
          Lines{"1.0s save finishes", "1.0s value 5", "1.0s done already: 5 after 0 turn(s)", "2.0s raised 'disk full'",
                "3.0s save cancelled", "3.0s the task itself was cancelled: CancelledError through the shield"});
}

namespace {

aio::Coroutine<int> shield_of(aio::Task<int> task) { co_return co_await aio::shield(task); }

aio::Coroutine<void> shield_itself(aio::Task<void>& self) { co_await aio::shield(self); }

}  // namespace

TEST_CASE("shield refuses an empty Task, its own task and a task of another loop") {
    CHECK_THROWS_WITH_AS(aio::run(shield_of(aio::Task<int>()), {.virtual_time = true}),
                         "an empty aio::Task (default-constructed or moved from)", std::logic_error);
    CHECK_THROWS_WITH_AS(aio::run(story::with_itself(shield_itself), {.virtual_time = true}),
                         "shield: a task cannot wait for itself (it would never finish)", std::logic_error);
    Lines lines;
    aio::EventLoop other({.virtual_time = true});
    const aio::Task<int> foreign = other.create_task(save(lines, 1.0, 3));
    CHECK_THROWS_WITH_AS(aio::run(shield_of(foreign), {.virtual_time = true}),
                         "shield: the task belongs to another event loop", std::logic_error);
    CHECK(other.run_until_complete(foreign) == 3);
}

namespace {

aio::Coroutine<void> cancel_twice(Lines& lines) {
    aio::Task<int> task = aio::create_task(save(lines, 2.0, 9));
    aio::Task<void> waiter = aio::create_task(shielded_waiter(lines, task));
    co_await aio::sleep(1.0);
    waiter.cancel();
    waiter.cancel();
    co_await aio::sleep(0.0);
    note(lines, fmt::format("cancel() once more -> {}", waiter.cancel()));
    const int value = co_await task;
    note(lines, fmt::format("task returned {}", value));
}

}  // namespace

TEST_CASE("cancelling a shielded waiter twice delivers one CancelledError and still spares the task") {
    CHECK(story::told(cancel_twice) == Lines{"1.0s waiter: CancelledError", "1.0s cancel() once more -> false",
                                             "2.0s save finishes", "2.0s task returned 9"});
}
