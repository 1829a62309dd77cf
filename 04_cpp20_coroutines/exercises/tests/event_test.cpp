#include "course_test.hpp"

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
