#include "course_test.hpp"

#include <memory>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "event.hpp"

namespace {

using Lines = std::vector<std::string>;

aio::Coroutine<void> waiter(Lines& lines, exercises::Event& event, std::string name) {
    lines.push_back(fmt::format("{} waits at {}", name, aio::time()));
    co_await event.wait();
    lines.push_back(fmt::format("{} wakes at {}", name, aio::time()));
}

aio::Coroutine<void> setter(Lines& lines, exercises::Event& event, double seconds) {
    co_await aio::sleep(seconds);
    lines.push_back(fmt::format("set at {} (is_set was {})", aio::time(), event.is_set()));
    event.set();
    event.set();  // twice is fine
}

aio::Coroutine<void> two_waiters(Lines& lines) {
    exercises::Event event;
    co_await aio::gather(waiter(lines, event, "first"), waiter(lines, event, "second"), setter(lines, event, 2.0));
    lines.push_back(fmt::format("is_set: {}", event.is_set()));
}

aio::Coroutine<void> already_set(Lines& lines) {
    exercises::Event event;
    event.set();
    const std::uint64_t before = aio::get_running_loop().iterations();
    co_await event.wait();
    lines.push_back(fmt::format("returned after {} iterations", aio::get_running_loop().iterations() - before));
}

// The event goes away while a task waits on it: what the waiter holds must stay valid, so the
// task can still be cancelled cleanly. (A waiter that holds only a reference into the event
// reads freed memory here: ASan reports it.)
aio::Coroutine<void> event_destroyed_under_waiter(Lines& lines) {
    auto event = std::make_unique<exercises::Event>();
    aio::Task<void> task = aio::create_task(waiter(lines, *event, "orphan"));
    co_await aio::sleep(1.0);
    event.reset();
    co_await aio::sleep(1.0);
    task.cancel();
    try {
        co_await task;
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("orphan cancelled at {}: cancelled() = {}", aio::time(), task.cancelled()));
    }
}

// One of two waiters is cancelled before set(): it ends cancelled, and set() still wakes the other.
aio::Coroutine<void> one_waiter_cancelled(Lines& lines) {
    exercises::Event event;
    aio::Task<void> quitter = aio::create_task(waiter(lines, event, "quitter"));
    aio::Task<void> stayer = aio::create_task(waiter(lines, event, "stayer"));
    co_await aio::sleep(1.0);
    quitter.cancel();
    try {
        co_await quitter;
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("quitter cancelled at {}", aio::time()));
    }
    co_await aio::sleep(1.0);
    event.set();
    co_await stayer;
}

}  // namespace

TEST_CASE("wait() suspends until set(), which wakes every waiter at that moment") {
    Lines lines;
    aio::run(two_waiters(lines), {.virtual_time = true});
    CHECK(lines == Lines{"first waits at 0", "second waits at 0", "set at 2 (is_set was false)", "first wakes at 2",
                         "second wakes at 2", "is_set: true"});
}

TEST_CASE("wait() on an event that is set already returns at once, without a loop turn") {
    Lines lines;
    aio::run(already_set(lines), {.virtual_time = true});
    CHECK(lines == Lines{"returned after 0 iterations"});
}

TEST_CASE("a new event is not set") {
    const exercises::Event event;
    CHECK_FALSE(event.is_set());
}

TEST_CASE("an event destroyed while a task waits on it leaves a waiter that can still be cancelled") {
    Lines lines;
    aio::run(event_destroyed_under_waiter(lines), {.virtual_time = true});
    CHECK(lines == Lines{"orphan waits at 0", "orphan cancelled at 2: cancelled() = true"});
}

TEST_CASE("a cancelled waiter ends cancelled, and set() still wakes the waiters that are left") {
    Lines lines;
    aio::run(one_waiter_cancelled(lines), {.virtual_time = true});
    CHECK(lines == Lines{"quitter waits at 0", "stayer waits at 0", "quitter cancelled at 1", "stayer wakes at 2"});
}
