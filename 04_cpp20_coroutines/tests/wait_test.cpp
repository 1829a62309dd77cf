// aio::wait: done and pending at the exact virtual time asyncio.wait would return them.
#include "course_test.hpp"

#include <cmath>
#include <cstdint>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aio/aio.hpp"
#include "story.hpp"

namespace {

using story::Lines;
using story::note;
using Tasks = std::vector<aio::Task<std::string>>;

// Returns its own name after `seconds`; logs how it ended.
aio::Coroutine<std::string> job(Lines& lines, std::string name, double seconds) {
    try {
        co_await aio::sleep(seconds);
    } catch (const aio::CancelledError&) {
        note(lines, name + " cancelled");
        throw;
    }
    note(lines, name + " finishes");
    co_return name;
}

aio::Coroutine<std::string> fails(Lines& lines, std::string name, double seconds) {
    co_await aio::sleep(seconds);
    note(lines, name + " raises");
    throw std::runtime_error(name + " failed");
}

// The names of finished tasks (their results), or "error" for one that raised.
std::string results(const Tasks& tasks) {
    std::vector<std::string> names;
    for (const aio::Task<std::string>& task : tasks) {
        try {
            names.push_back(task.result());
        } catch (const std::runtime_error&) {
            names.push_back("error");
        } catch (const aio::CancelledError&) {
            names.push_back("cancelled");
        }
    }
    return fmt::format("[{}]", fmt::join(names, " "));
}

// Awaits what wait left pending, in order, to show it still runs and finishes by itself.
aio::Coroutine<void> finish_pending(Lines& lines, Tasks pending) {
    for (aio::Task<std::string>& task : pending) {
        const std::string name = co_await task;
        note(lines, "awaited pending " + name);
    }
}

aio::Coroutine<void> first_completed(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "a", 3.0)), aio::create_task(job(lines, "b", 1.0)),
                aio::create_task(job(lines, "c", 2.0))};
    auto [done, pending] = co_await aio::wait(tasks, aio::FIRST_COMPLETED);
    note(lines, fmt::format("done {}, {} pending", results(done), pending.size()));
    co_await finish_pending(lines, pending);
}

}  // namespace

TEST_CASE("wait(FIRST_COMPLETED) returns when the first task finishes and leaves the others running") {
    CHECK(story::told(first_completed) == Lines{"1.0s b finishes", "1.0s done [b], 2 pending", "2.0s c finishes",
                                                "3.0s a finishes", "3.0s awaited pending a", "3.0s awaited pending c"});
}

namespace {

aio::Coroutine<void> finished_together(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "a", 2.0)), aio::create_task(job(lines, "b", 1.0)),
                aio::create_task(job(lines, "c", 1.0))};
    auto [done, pending] = co_await aio::wait(tasks, aio::FIRST_COMPLETED);
    note(lines, fmt::format("done {}, {} pending", results(done), pending.size()));
    tasks[0].cancel();
    co_await aio::wait(pending);
}

}  // namespace

TEST_CASE("wait(FIRST_COMPLETED): every task finished in that same turn is in done") {
    CHECK(story::told(finished_together) ==
          Lines{"1.0s b finishes", "1.0s c finishes", "1.0s done [b c], 1 pending", "1.0s a cancelled"});
}

namespace {

aio::Coroutine<void> first_exception(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "a", 3.0)), aio::create_task(fails(lines, "b", 2.0)),
                aio::create_task(job(lines, "c", 1.0))};
    auto [done, pending] = co_await aio::wait(tasks, aio::FIRST_EXCEPTION);
    note(lines, fmt::format("done {}, {} pending", results(done), pending.size()));
    co_await finish_pending(lines, pending);
}

aio::Coroutine<void> first_exception_none_raised(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "a", 2.0)), aio::create_task(job(lines, "b", 1.0))};
    auto [done, pending] = co_await aio::wait(tasks, aio::FIRST_EXCEPTION);
    note(lines, fmt::format("done {}, {} pending", results(done), pending.size()));
}

aio::Coroutine<void> cancel_later(aio::Task<std::string> task, double seconds) {
    co_await aio::sleep(seconds);
    task.cancel();
}

aio::Coroutine<void> first_exception_cancelled_is_no_exception(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "a", 3.0)), aio::create_task(job(lines, "b", 5.0))};
    aio::Task<void> canceller = aio::create_task(cancel_later(tasks[1], 1.0));
    auto [done, pending] = co_await aio::wait(tasks, aio::FIRST_EXCEPTION);
    note(lines, fmt::format("done {}, {} pending", results(done), pending.size()));
    co_await canceller;
}

}  // namespace

TEST_CASE("wait(FIRST_EXCEPTION) returns when a task raises, with every task finished by then in done") {
    CHECK(story::told(first_exception) == Lines{"1.0s c finishes", "2.0s b raises", "2.0s done [error c], 1 pending",
                                                "3.0s a finishes", "3.0s awaited pending a"});
}

TEST_CASE("wait(FIRST_EXCEPTION) with no exception waits for all, like ALL_COMPLETED") {
    CHECK(story::told(first_exception_none_raised) ==
          Lines{"1.0s b finishes", "2.0s a finishes", "2.0s done [a b], 0 pending"});
}

TEST_CASE("wait(FIRST_EXCEPTION): a cancelled task is no exception, and the wait goes on") {
    CHECK(story::told(first_exception_cancelled_is_no_exception) ==
          Lines{"1.0s b cancelled", "3.0s a finishes", "3.0s done [a cancelled], 0 pending"});
}

namespace {

aio::Coroutine<void> all_completed(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "a", 2.0)), aio::create_task(fails(lines, "b", 1.0)),
                aio::create_task(job(lines, "c", 3.0))};
    auto [done, pending] = co_await aio::wait(tasks);
    note(lines, fmt::format("done {}, {} pending", results(done), pending.size()));
}

aio::Coroutine<void> all_completed_timeout(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "a", 5.0)), aio::create_task(job(lines, "b", 1.0)),
                aio::create_task(job(lines, "c", 9.0))};
    auto [done, pending] = co_await aio::wait(tasks, aio::ALL_COMPLETED, 2.0);
    note(lines, fmt::format("done {}, {} pending, none cancelled", results(done), pending.size()));
    co_await finish_pending(lines, pending);
}

aio::Coroutine<void> first_completed_timeout(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "a", 5.0))};
    auto [done, pending] = co_await aio::wait(tasks, aio::FIRST_COMPLETED, 2.0);
    note(lines, fmt::format("done {}, {} pending", results(done), pending.size()));
    pending[0].cancel();  // the caller decides: here, it gives up
    co_await finish_pending(lines, pending);
}

}  // namespace

TEST_CASE("wait() by default returns when all have finished, an exception stays in its task") {
    CHECK(story::told(all_completed) ==
          Lines{"1.0s b raises", "2.0s a finishes", "3.0s c finishes", "3.0s done [a error c], 0 pending"});
}

TEST_CASE("wait() at its timeout returns what is done and cancels nothing") {
    CHECK(story::told(all_completed_timeout) == Lines{"1.0s b finishes", "2.0s done [b], 2 pending, none cancelled",
                                                      "5.0s a finishes", "5.0s awaited pending a", "9.0s c finishes",
                                                      "9.0s awaited pending c"});
}

TEST_CASE("wait(FIRST_COMPLETED) with a timeout: nothing done at 2 s, the caller cancels the rest") {
    Lines lines;
    bool threw = false;
    try {
        aio::run(first_completed_timeout(lines), {.virtual_time = true});
    } catch (const aio::CancelledError&) {
        threw = true;  // awaiting the task it cancelled
    }
    CHECK(threw);
    CHECK(lines == Lines{"2.0s done [], 1 pending", "2.0s a cancelled"});
}

namespace {

aio::Coroutine<std::string> edge_timeouts(Lines& lines, double timeout) {
    Tasks tasks{aio::create_task(job(lines, "a", 1.0))};
    const std::uint64_t before = aio::get_running_loop().iterations();
    auto [done, pending] = co_await aio::wait(tasks, aio::ALL_COMPLETED, timeout);
    const std::uint64_t turns = aio::get_running_loop().iterations() - before;
    tasks[0].cancel();
    co_return fmt::format("{} done, {} pending, at {}, after {} turn(s)", done.size(), pending.size(), aio::time(),
                          turns);
}

aio::Coroutine<std::string> already_done(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "a", 1.0))};
    co_await tasks[0];
    const std::uint64_t before = aio::get_running_loop().iterations();
    auto [done, pending] = co_await aio::wait(tasks, aio::FIRST_COMPLETED, 0.0);
    co_return fmt::format("{} done, {} pending, after {} turn(s)", done.size(), pending.size(),
                          aio::get_running_loop().iterations() - before);
}

}  // namespace

// Three turns when it waits for `a`: a starts, a finishes, the waiter resumes.
TEST_CASE("wait() with a zero, negative or NaN timeout gives the loop one turn, an infinite one waits") {
    Lines lines;
    CHECK(aio::run(edge_timeouts(lines, 0.0), {.virtual_time = true}) == "0 done, 1 pending, at 0, after 1 turn(s)");
    CHECK(aio::run(edge_timeouts(lines, -5.0), {.virtual_time = true}) == "0 done, 1 pending, at 0, after 1 turn(s)");
    CHECK(aio::run(edge_timeouts(lines, std::nan("")), {.virtual_time = true}) ==
          "0 done, 1 pending, at 0, after 1 turn(s)");
    CHECK(aio::run(edge_timeouts(lines, 1e300), {.virtual_time = true}) == "1 done, 0 pending, at 1, after 3 turn(s)");
    CHECK(aio::run(edge_timeouts(lines, std::numeric_limits<double>::infinity()), {.virtual_time = true}) ==
          "1 done, 0 pending, at 1, after 3 turn(s)");
}

TEST_CASE("wait() on tasks that are done already returns at once, without a turn of the loop") {
    Lines lines;
    CHECK(aio::run(already_done(lines), {.virtual_time = true}) == "1 done, 0 pending, after 0 turn(s)");
}

namespace {

aio::Coroutine<void> waiter(Lines& lines, Tasks tasks) {
    try {
        co_await aio::wait(tasks);
        note(lines, "waiter: wait returned");
    } catch (const aio::CancelledError&) {
        note(lines, "waiter: CancelledError");
        throw;
    }
}

aio::Coroutine<void> cancel_the_waiter(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "a", 2.0)), aio::create_task(job(lines, "b", 3.0))};
    aio::Task<void> waiting = aio::create_task(waiter(lines, tasks));
    co_await aio::sleep(1.0);
    waiting.cancel();
    try {
        co_await waiting;
    } catch (const aio::CancelledError&) {
        note(lines, fmt::format("waiter cancelled: {}", waiting.cancelled()));
    }
    co_await finish_pending(lines, tasks);
}

}  // namespace

TEST_CASE("cancelling a task in wait() stops the wait at once, the tasks it waited for run on") {
    CHECK(story::told(cancel_the_waiter) == Lines{"1.0s waiter: CancelledError", "1.0s waiter cancelled: true",
                                                  "2.0s a finishes", "2.0s awaited pending a", "3.0s b finishes",
                                                  "3.0s awaited pending b"});
}

namespace {

// The lists are named first: g++ 12 rejects a braced list inside a co_await ("array used as
// initializer"), and clang 14 miscompiles some (COMPILERS.md).
aio::Coroutine<void> wait_for_nothing() {
    const Tasks none;
    co_await aio::wait(none);
}

aio::Coroutine<void> wait_for_empty_handle() {
    const Tasks empty_handle(1);
    co_await aio::wait(empty_handle);
}

aio::Coroutine<void> wait_for_itself(aio::Task<void>& self) {
    const std::vector<aio::Task<void>> tasks(1, self);
    co_await aio::wait(tasks);
}

aio::Coroutine<void> wait_for_foreign(aio::Task<std::string> foreign) {
    const Tasks tasks(1, foreign);
    co_await aio::wait(tasks);
}

}  // namespace

TEST_CASE("wait() refuses an empty list, an empty Task, its own task and a task of another loop") {
    CHECK_THROWS_AS(aio::run(wait_for_nothing(), {.virtual_time = true}), std::invalid_argument);
    CHECK_THROWS_AS(aio::run(wait_for_empty_handle(), {.virtual_time = true}), std::logic_error);
    CHECK_THROWS_WITH_AS(aio::run(story::with_itself(wait_for_itself), {.virtual_time = true}),
                         "wait: a task cannot wait for itself (it would never finish)", std::logic_error);
    Lines lines;
    aio::EventLoop other({.virtual_time = true});
    const aio::Task<std::string> foreign = other.create_task(job(lines, "foreign", 1.0));
    CHECK_THROWS_WITH_AS(aio::run(wait_for_foreign(foreign), {.virtual_time = true}),
                         "wait: the task belongs to another event loop", std::logic_error);
    CHECK(other.run_until_complete(foreign) == "foreign");
}

namespace {

aio::Coroutine<std::string> many(Lines& lines, int count) {
    Tasks tasks;
    for (int i = 0; i < count; ++i) tasks.push_back(aio::create_task(job(lines, "t", 1.0 + i % 100)));
    auto [first, rest] = co_await aio::wait(tasks, aio::FIRST_COMPLETED);
    const std::string at_first = fmt::format("{} done at {}", first.size(), aio::time());
    auto [done, pending] = co_await aio::wait(tasks);
    co_return fmt::format("{}; {} done at {}, {} pending", at_first, done.size(), aio::time(), pending.size());
}

}  // namespace

TEST_CASE("wait() over 20'000 tasks: FIRST_COMPLETED at the first tick, ALL_COMPLETED at the last") {
    Lines lines;
    CHECK(aio::run(many(lines, 20'000), {.virtual_time = true}) == "200 done at 1; 20000 done at 100, 0 pending");
}

namespace {

aio::Coroutine<void> in_wait(Lines& lines, Tasks tasks) {
    const story::Cleanup cleanup(lines, "wait");
    co_await aio::wait(tasks, aio::FIRST_EXCEPTION, 100.0);
}

aio::Coroutine<void> in_shield(Lines& lines, aio::Task<std::string> task) {
    const story::Cleanup cleanup(lines, "shield");
    co_await aio::shield(task);
}

aio::Coroutine<void> in_as_completed(Lines& lines, Tasks tasks) {
    const story::Cleanup cleanup(lines, "as_completed");
    for (aio::Coroutine<std::string> next : aio::as_completed(tasks)) co_await next;
}

aio::Coroutine<void> leave_waiters(Lines& lines) {
    Tasks tasks{aio::create_task(job(lines, "long", 1000.0))};
    aio::create_task(in_wait(lines, tasks));
    aio::create_task(in_shield(lines, tasks[0]));
    aio::create_task(in_as_completed(lines, tasks));
    co_await aio::sleep(1.0);
}

}  // namespace

TEST_CASE("destroying a loop while tasks wait in wait, shield and as_completed destroys every frame") {
    Lines lines;
    {
        aio::EventLoop loop({.virtual_time = true});
        loop.run_until_complete(leave_waiters(lines));
        // long, the three waiters, and the reporters of as_completed and wait(FIRST_EXCEPTION)
        CHECK(loop.unfinished_tasks() == 6);
    }
    CHECK(lines == Lines{"wait cleaned up", "shield cleaned up", "as_completed cleaned up"});
}

TEST_CASE("aio::run cancels tasks left waiting in wait, shield and as_completed, and what they wait for") {
    CHECK(story::told(leave_waiters) ==
          Lines{"1.0s long cancelled", "wait cleaned up", "shield cleaned up", "as_completed cleaned up"});
}
