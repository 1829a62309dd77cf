// Tasks, futures, gather, cancellation and timeouts, pinned on virtual time.
#include "course_test.hpp"

#include <stdexcept>
#include <string>
#include <tuple>
#include <variant>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aio/aio.hpp"
#include "story.hpp"

namespace {

using story::Cleanup;  // records its own destruction: RAII cleanup in a frame that is cancelled or destroyed
using story::Lines;
using story::note;

aio::Coroutine<int> slow_value(Lines& lines, std::string name, double seconds, int value) {
    const Cleanup cleanup(lines, name);
    note(lines, name + " starts");
    co_await aio::sleep(seconds);
    note(lines, name + " ends");
    co_return value;
}

aio::Coroutine<void> several_await_one(Lines& lines) {
    aio::Task<int> task = aio::create_task(slow_value(lines, "worker", 1.0, 7));
    auto reader = [](Lines& out, aio::Task<int> awaited, std::string name) -> aio::Coroutine<void> {
        const int value = co_await awaited;
        note(out, fmt::format("{} got {}", name, value));
    };
    aio::Task<void> r1 = aio::create_task(reader(lines, task, "reader 1"));
    aio::Task<void> r2 = aio::create_task(reader(lines, task, "reader 2"));
    co_await r1;
    co_await r2;
    const std::uint64_t before = aio::get_running_loop().iterations();
    const int again = co_await task;  // finished: returns at once
    note(lines,
         fmt::format("main got {} again, {} iterations later", again, aio::get_running_loop().iterations() - before));
}

}  // namespace

TEST_CASE("several coroutines await one task and each gets the result, a finished task returns at once") {
    Lines lines;
    aio::run(several_await_one(lines), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s worker starts", "1.0s worker ends", "worker cleaned up", "1.0s reader 1 got 7",
                         "1.0s reader 2 got 7", "1.0s main got 7 again, 0 iterations later"});
}

namespace {

aio::Coroutine<int> throws_after(double seconds, std::string what) {
    co_await aio::sleep(seconds);
    throw std::runtime_error(what);
}

aio::Coroutine<std::string> await_failing_task() {
    aio::Task<int> task = aio::create_task(throws_after(1.0, "task failed"));
    try {
        co_await task;
    } catch (const std::runtime_error& error) {
        co_return fmt::format("{} at {}", error.what(), aio::time());
    }
    co_return "no exception";
}

}  // namespace

TEST_CASE("a task's exception reaches whoever awaits it") {
    CHECK(aio::run(await_failing_task(), {.virtual_time = true}) == "task failed at 1");
}

namespace {

aio::Coroutine<void> sleeper_that_reports(Lines& lines) {
    const Cleanup cleanup(lines, "sleeper");
    try {
        note(lines, "sleeper sleeps 10 s");
        co_await aio::sleep(10.0);
        note(lines, "sleeper woke up");
    } catch (const aio::CancelledError&) {
        note(lines, "sleeper got CancelledError");
        throw;
    }
}

aio::Coroutine<void> cancel_a_sleeper(Lines& lines) {
    aio::Task<void> task = aio::create_task(sleeper_that_reports(lines));
    co_await aio::sleep(1.0);
    note(lines, fmt::format("cancel() -> {}", task.cancel()));
    note(lines, fmt::format("right after: done {}, cancelled {}", task.done(), task.cancelled()));
    const std::uint64_t before = aio::get_running_loop().iterations();
    try {
        co_await task;
    } catch (const aio::CancelledError&) {
        note(lines, "awaiting it raises CancelledError");
    }
    note(lines, fmt::format("done {}, cancelled {}, {} iteration(s) later", task.done(), task.cancelled(),
                            aio::get_running_loop().iterations() - before));
    note(lines, fmt::format("cancel() again -> {}", task.cancel()));
}

}  // namespace

TEST_CASE("cancel() delivers CancelledError where the task waits, at the next iteration, and RAII cleanup runs") {
    Lines lines;
    aio::run(cancel_a_sleeper(lines), {.virtual_time = true});
    CHECK(lines == Lines{
                       "0.0s sleeper sleeps 10 s",
                       "1.0s cancel() -> true",
                       "1.0s right after: done false, cancelled false",
                       "1.0s sleeper got CancelledError",
                       "sleeper cleaned up",
                       "1.0s awaiting it raises CancelledError",
                       "1.0s done true, cancelled true, 2 iteration(s) later",
                       "1.0s cancel() again -> false",
                   });
}

namespace {

aio::Coroutine<void> cancel_before_start(Lines& lines) {
    aio::Task<int> task = aio::create_task(slow_value(lines, "never", 1.0, 1));
    task.cancel();
    try {
        co_await task;
    } catch (const aio::CancelledError&) {
        note(lines, fmt::format("cancelled before it ran: {}", task.cancelled()));
    }
}

aio::Coroutine<int> swallow_cancel(Lines& lines) {
    try {
        co_await aio::sleep(5.0);
    } catch (const aio::CancelledError&) {
        note(lines, "caught CancelledError, carrying on");
    }
    co_await aio::sleep(1.0);
    note(lines, "finished anyway");
    co_return 3;
}

aio::Coroutine<void> cancel_swallowed(Lines& lines) {
    aio::Task<int> task = aio::create_task(swallow_cancel(lines));
    co_await aio::sleep(1.0);
    task.cancel();
    const int value = co_await task;
    note(lines, fmt::format("result {}, cancelled {}", value, task.cancelled()));
}

}  // namespace

TEST_CASE("a task cancelled before its first step never runs its body") {
    Lines lines;
    aio::run(cancel_before_start(lines), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s cancelled before it ran: true"});
}

TEST_CASE("a task may catch CancelledError and go on, it is then not cancelled") {
    Lines lines;
    aio::run(cancel_swallowed(lines), {.virtual_time = true});
    CHECK(lines ==
          Lines{"1.0s caught CancelledError, carrying on", "2.0s finished anyway", "2.0s result 3, cancelled false"});
}

namespace {

aio::Coroutine<void> pause(Lines& lines, std::string name, double seconds) {
    co_await aio::sleep(seconds);
    note(lines, name + " done");
}

aio::Coroutine<void> gather_tuple(Lines& lines) {
    aio::Task<int> already = aio::create_task(slow_value(lines, "task", 0.5, 10));
    const std::tuple<int, int, std::monostate, int> results = co_await aio::gather(
        slow_value(lines, "a", 2.0, 1), slow_value(lines, "b", 1.0, 2), pause(lines, "c", 1.5), already);
    note(lines, fmt::format("gathered {} {} {}", std::get<0>(results), std::get<1>(results), std::get<3>(results)));
}

aio::Coroutine<void> gather_vector(Lines& lines) {
    std::vector<aio::Coroutine<int>> work;
    for (int i = 0; i < 4; ++i) work.push_back(slow_value(lines, fmt::format("w{}", i), 4.0 - i, i * i));
    const std::vector<int> results = co_await aio::gather(std::move(work));
    note(lines, fmt::format("gathered {}", fmt::join(results, " ")));
}

}  // namespace

TEST_CASE("gather over a tuple runs everything at once and returns results in argument order") {
    Lines lines;
    aio::run(gather_tuple(lines), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s task starts", "0.0s a starts", "0.0s b starts", "0.5s task ends", "task cleaned up",
                         "1.0s b ends", "b cleaned up", "1.5s c done", "2.0s a ends", "a cleaned up",
                         "2.0s gathered 1 2 10"});
}

TEST_CASE("gather over a vector returns the results in order, whatever order they finish in") {
    Lines lines;
    aio::run(gather_vector(lines), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s w0 starts", "0.0s w1 starts", "0.0s w2 starts", "0.0s w3 starts", "1.0s w3 ends",
                         "w3 cleaned up", "2.0s w2 ends", "w2 cleaned up", "3.0s w1 ends", "w1 cleaned up",
                         "4.0s w0 ends", "w0 cleaned up", "4.0s gathered 0 1 4 9"});
}

namespace {

aio::Coroutine<void> gather_failures(Lines& lines) {
    try {
        co_await aio::gather(throws_after(2.0, "late failure"), slow_value(lines, "slow", 3.0, 1),
                             throws_after(1.0, "early failure"));
    } catch (const std::runtime_error& error) {
        note(lines, fmt::format("gather raised '{}'", error.what()));
    }
}

}  // namespace

TEST_CASE("gather waits for every child, then rethrows the exception raised first in time") {
    Lines lines;
    aio::run(gather_failures(lines), {.virtual_time = true});
    CHECK(lines ==
          Lines{"0.0s slow starts", "3.0s slow ends", "slow cleaned up", "3.0s gather raised 'early failure'"});
}

namespace {

aio::Coroutine<void> gather_then_cancelled(Lines& lines) {
    co_await aio::gather(slow_value(lines, "x", 5.0, 1), slow_value(lines, "y", 6.0, 2));
    note(lines, "gather returned");
}

aio::Coroutine<void> cancel_a_gather(Lines& lines) {
    aio::Task<void> task = aio::create_task(gather_then_cancelled(lines));
    co_await aio::sleep(1.0);
    task.cancel();
    try {
        co_await task;
    } catch (const aio::CancelledError&) {
        note(lines, "the gathering task is cancelled");
    }
}

}  // namespace

TEST_CASE("cancelling a task that waits in gather cancels every child and leaves no orphan") {
    Lines lines;
    aio::run(cancel_a_gather(lines), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s x starts", "0.0s y starts", "x cleaned up", "y cleaned up",
                         "1.0s the gathering task is cancelled"});
}

namespace {

aio::Coroutine<void> timeouts(Lines& lines) {
    const int quick = co_await aio::wait_for(slow_value(lines, "quick", 1.0, 5), 2.0);
    note(lines, fmt::format("quick returned {} in time", quick));
    try {
        co_await aio::wait_for(slow_value(lines, "slow", 10.0, 6), 2.0);
        note(lines, "slow returned");
    } catch (const aio::TimeoutError&) {
        note(lines, "TimeoutError");
    }
}

}  // namespace

TEST_CASE("wait_for returns in time, or at the deadline cancels the work, waits for it, and throws TimeoutError") {
    Lines lines;
    aio::run(timeouts(lines), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s quick starts", "1.0s quick ends", "quick cleaned up", "1.0s quick returned 5 in time",
                         "1.0s slow starts", "slow cleaned up", "3.0s TimeoutError"});
}

namespace {

aio::Coroutine<void> set_after(aio::Future<std::string> future, double seconds, std::string value) {
    co_await aio::sleep(seconds);
    future.set_result(std::move(value));
}

aio::Coroutine<void> future_story(Lines& lines) {
    aio::Future<std::string> future;
    aio::Task<void> setter = aio::create_task(set_after(future, 1.0, "hello"));
    note(lines, fmt::format("future done: {}", future.done()));
    const std::string value = co_await future;
    note(lines, fmt::format("awaited '{}'", value));
    CHECK_THROWS_AS(future.set_result("again"), std::logic_error);
    co_await setter;
}

}  // namespace

TEST_CASE("a Future set by another task after 1 s resumes its awaiter at 1 s, setting it twice throws") {
    Lines lines;
    aio::run(future_story(lines), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s future done: false", "1.0s awaited 'hello'"});
}

TEST_CASE("Task::result() before the task has finished throws std::logic_error") {
    aio::EventLoop loop({.virtual_time = true});
    Lines lines;
    aio::Task<int> task = loop.create_task(slow_value(lines, "t", 1.0, 1));
    CHECK_THROWS_AS(task.result(), std::logic_error);
    CHECK(loop.run_until_complete(task) == 1);
    CHECK(task.result() == 1);
}

namespace {

aio::Coroutine<void> waits_forever(Lines& lines, std::string name, aio::Future<int> never) {
    const Cleanup cleanup(lines, name);
    co_await never;
}

aio::Coroutine<void> leave_pending(Lines& lines) {
    aio::Future<int> never;
    aio::create_task(slow_value(lines, "sleeper", 100.0, 1));
    aio::create_task(waits_forever(lines, "waiter", never));
    aio::Task<void> awaiter = aio::create_task(waits_forever(lines, "second waiter", never));
    co_await aio::sleep(1.0);
}

}  // namespace

TEST_CASE("destroying a loop with pending tasks destroys their frames: cleanup runs, nothing leaks") {
    Lines lines;
    {
        aio::EventLoop loop({.virtual_time = true});
        loop.run_until_complete(leave_pending(lines));
        CHECK(loop.unfinished_tasks() == 3);
        CHECK(lines == Lines{"0.0s sleeper starts"});
        lines.clear();
    }
    CHECK(lines == Lines{"sleeper cleaned up", "waiter cleaned up", "second waiter cleaned up"});
}

TEST_CASE("aio::run cancels the tasks main left behind, so their cleanup runs before it returns") {
    Lines lines;
    aio::run(leave_pending(lines), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s sleeper starts", "sleeper cleaned up", "waiter cleaned up", "second waiter cleaned up"});
}

namespace {

aio::Coroutine<void> hand_out_a_sleeper(Lines& lines, aio::Task<int>& out) {
    out = aio::create_task(slow_value(lines, "kept", 100.0, 1));
    co_await aio::sleep(1.0);
}

}  // namespace

TEST_CASE("a Task handle that outlives its loop sees a cancelled task and never reaches the loop again") {
    Lines lines;
    aio::Task<int> kept;
    {
        aio::EventLoop loop({.virtual_time = true});
        loop.run_until_complete(hand_out_a_sleeper(lines, kept));
    }
    // The handle keeps the frame: its cleanup has not run, and the loop is gone.
    CHECK(lines == Lines{"0.0s kept starts"});
    CHECK(kept.done());
    CHECK(kept.cancelled());
    CHECK_FALSE(kept.cancel());
    CHECK_THROWS_AS(kept.result(), aio::CancelledError);
    kept = aio::Task<int>();
    CHECK(lines == Lines{"0.0s kept starts", "kept cleaned up"});
}
