// The ordering rules of asyncio's loop, pinned on virtual time.
#include "course_test.hpp"

#include <cmath>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "common/clock_thread.hpp"

namespace {

using Lines = std::vector<std::string>;

aio::Coroutine<void> record(Lines& lines, std::string name, int steps) {
    for (int i = 0; i < steps; ++i) {
        lines.push_back(fmt::format("{} step {} at iteration {}", name, i, aio::get_running_loop().iterations()));
        co_await aio::sleep(0);
    }
}

aio::Coroutine<void> spawn_three(Lines& lines) {
    lines.push_back("main creates a, b, c");
    aio::Task<void> a = aio::create_task(record(lines, "a", 2));
    aio::Task<void> b = aio::create_task(record(lines, "b", 2));
    aio::Task<void> c = aio::create_task(record(lines, "c", 2));
    lines.push_back("main: nothing ran yet");
    co_await a;
    co_await b;
    co_await c;
    lines.push_back("main: all done");
}

}  // namespace

TEST_CASE("tasks start at the next iteration, in creation order, and sleep(0) is exactly one iteration") {
    Lines lines;
    aio::run(spawn_three(lines), {.virtual_time = true});
    CHECK(lines == Lines{
                       "main creates a, b, c",
                       "main: nothing ran yet",
                       "a step 0 at iteration 1",
                       "b step 0 at iteration 1",
                       "c step 0 at iteration 1",
                       "a step 1 at iteration 2",
                       "b step 1 at iteration 2",
                       "c step 1 at iteration 2",
                       "main: all done",
                   });
}

TEST_CASE("the ready queue is FIFO, and what a callback schedules waits for the next iteration") {
    aio::EventLoop loop({.virtual_time = true});
    Lines lines;
    auto log = [&](std::string text) { lines.push_back(fmt::format("{} (iteration {})", text, loop.iterations())); };
    loop.call_soon([&] {
        log("first");
        loop.call_soon([&] { log("scheduled by first"); });
    });
    loop.call_soon([&] { log("second"); });
    loop.call_soon([&] {
        log("third");
        loop.call_soon([&] { loop.stop(); });
    });
    loop.run_forever();
    CHECK(lines == Lines{"first (iteration 0)", "second (iteration 0)", "third (iteration 0)",
                         "scheduled by first (iteration 1)"});
}

TEST_CASE("timers with equal deadlines fire in the order they were set, at exactly their time") {
    aio::EventLoop loop({.virtual_time = true});
    Lines lines;
    auto at = [&](std::string name) {
        return [&, name] { lines.push_back(fmt::format("{} at {}", name, loop.time())); };
    };
    loop.call_later(2.0, at("b"));
    loop.call_later(1.0, at("a"));
    loop.call_later(2.0, at("c"));
    loop.call_later(2.0, at("d"));
    loop.call_later(3.0, [&] { loop.stop(); });
    loop.run_forever();
    CHECK(lines == Lines{"a at 1", "b at 2", "c at 2", "d at 2"});
    CHECK(loop.time() == 3.0);
}

namespace {

aio::Coroutine<void> spin(Lines& lines, int turns) {
    for (int i = 0; i < turns; ++i) {
        lines.push_back(fmt::format("spin {} at iteration {}", i, aio::get_running_loop().iterations()));
        co_await aio::sleep(0);
    }
}

}  // namespace

TEST_CASE("a due timer joins the ready queue behind what is there: a yielding task cannot starve it") {
    aio::EventLoop loop({.virtual_time = true});
    Lines lines;
    // The timer is due at once: at the start of iteration 0 it joins the ready queue behind the
    // spinner's first step, although the spinner puts itself back in the queue at every turn.
    aio::Task<void> spinner = loop.create_task(spin(lines, 3));
    loop.call_later(0.0, [&] { lines.push_back(fmt::format("timer at iteration {}", loop.iterations())); });
    loop.run_until_complete(spinner);
    CHECK(lines ==
          Lines{"spin 0 at iteration 0", "timer at iteration 0", "spin 1 at iteration 1", "spin 2 at iteration 2"});
}

namespace {

aio::Coroutine<double> nap(double seconds) {
    co_await aio::sleep(seconds);
    co_return aio::time();
}

}  // namespace

TEST_CASE("sleep wakes the task at exactly now + delay on virtual time, std::chrono durations too") {
    aio::EventLoop loop({.virtual_time = true});
    CHECK(loop.run_until_complete(nap(1.5)) == 1.5);
    CHECK(loop.run_until_complete(nap(0.25)) == 1.75);
    CHECK(loop.run_until_complete([]() -> aio::Coroutine<double> {
        co_await aio::sleep(std::chrono::milliseconds(250));
        co_return aio::time();
    }()) == 2.0);
}

TEST_CASE("stop() ends run_forever after the current iteration, run_until_complete then reports it") {
    aio::EventLoop loop({.virtual_time = true});
    loop.call_later(1.0, [&] { loop.stop(); });
    CHECK_THROWS_WITH_AS(loop.run_until_complete(nap(5.0)),
                         "run_until_complete: the loop stopped before the task finished", std::runtime_error);
    CHECK(loop.time() == 1.0);
    CHECK_FALSE(loop.is_running());
}

TEST_CASE("the loop reports running, closed, and refuses work once closed") {
    aio::EventLoop loop({.virtual_time = true});
    CHECK_FALSE(loop.is_running());
    bool ran_inside = false;
    loop.call_soon([&] {
        ran_inside = loop.is_running() && &aio::get_running_loop() == &loop;
        loop.stop();
    });
    loop.run_forever();
    CHECK(ran_inside);
    CHECK_FALSE(loop.is_closed());
    loop.close();
    CHECK(loop.is_closed());
    CHECK_THROWS_WITH_AS(loop.call_soon([] {}), "call_soon: the event loop is closed", std::logic_error);
    CHECK_THROWS_WITH_AS(loop.create_task(nap(1.0)), "create_task: the event loop is closed", std::logic_error);
}

TEST_CASE("get_running_loop() outside a running loop throws") {
    CHECK_THROWS_WITH_AS(aio::get_running_loop(), "get_running_loop: no running event loop", std::logic_error);
}

namespace {

aio::Coroutine<void> run_nested() {
    aio::EventLoop inner({.virtual_time = true});
    inner.run_until_complete(nap(1.0));
    co_return;
}

}  // namespace

TEST_CASE("running a loop inside a running loop throws instead of nesting") {
    CHECK_THROWS_WITH_AS(aio::run(run_nested(), {.virtual_time = true}),
                         "cannot run an event loop while another loop is running in this thread", std::logic_error);
}

namespace {

aio::Coroutine<double> wait_for_other_thread(aio::Future<int> future) {
    const int value = co_await future;
    co_return aio::time() + value;
}

}  // namespace

TEST_CASE("call_soon_threadsafe from another thread wakes the idle loop, at that thread's virtual time") {
    common::VirtualClock clock;
    aio::EventLoop loop({.clock = &clock});
    aio::Future<int> future;
    common::ClockThread other(clock, [&] {
        clock.sleep_for(1.5);
        loop.call_soon_threadsafe([future]() mutable { future.set_result(100); });
    });
    CHECK(loop.run_until_complete(wait_for_other_thread(future)) == 101.5);
    other.join();
}

TEST_CASE("a stop() before run_forever still lets the loop make one turn, as in asyncio") {
    aio::EventLoop loop({.virtual_time = true});
    std::vector<std::string> ran;
    loop.call_soon([&] {
        ran.emplace_back("first");
        loop.call_soon([&] { ran.emplace_back("second"); });
    });
    loop.stop();
    loop.run_forever();
    CHECK(ran == std::vector<std::string>{"first"});
    CHECK(loop.iterations() == 1);
    loop.stop();
    loop.run_forever();
    CHECK(ran == std::vector<std::string>{"first", "second"});
}

namespace {

aio::Coroutine<int> answer_after(double seconds) {
    co_await aio::sleep(seconds);
    co_return 42;
}

aio::Coroutine<std::string> wait_for_nan() {
    try {
        const int value = co_await aio::wait_for(answer_after(1.0), std::nan(""));
        co_return fmt::format("{}", value);
    } catch (const aio::TimeoutError&) {
        co_return fmt::format("TimeoutError at {:.1f}", aio::time());
    }
}

}  // namespace

TEST_CASE("a NaN delay means at once: call_later runs next turn, wait_for times out at once") {
    aio::EventLoop loop({.virtual_time = true});
    bool ran = false;
    loop.call_later(std::nan(""), [&] {
        ran = true;
        loop.stop();
    });
    loop.run_forever();
    CHECK(ran);
    CHECK(loop.time() == 0.0);
    CHECK(loop.run_until_complete(wait_for_nan()) == "TimeoutError at 0.0");
}

namespace {

aio::Coroutine<void> wakes_at_one(Lines& lines) {
    co_await aio::sleep(1.0);
    lines.push_back(fmt::format("task woke at iteration {}", aio::get_running_loop().iterations()));
}

aio::Coroutine<void> timer_then_callback(Lines& lines) {
    aio::EventLoop& loop = aio::get_running_loop();
    aio::Task<void> task = aio::create_task(wakes_at_one(lines));
    co_await aio::sleep(0);  // the task's timer is set first
    loop.call_later(1.0,
                    [&lines, &loop] { lines.push_back(fmt::format("callback at iteration {}", loop.iterations())); });
    co_await task;
}

}  // namespace

// A difference from asyncio, on purpose (README, "differences from asyncio"): asyncio's sleep
// timer only sets a future, whose callback wakes the task one turn later, so there the callback
// runs first and the task a turn after. Here the timer wakes the task itself: it saves a turn per
// sleep, and due timers still run in the order they were set.
TEST_CASE(
    "a task woken by its sleep timer and a call_later callback due at the same tick run in one turn, in timer order") {
    Lines lines;
    aio::run(timer_then_callback(lines), {.virtual_time = true});
    CHECK(lines == Lines{"task woke at iteration 2", "callback at iteration 2"});
}
