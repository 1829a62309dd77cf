#include "course_test.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "wait_turns.hpp"

namespace {

using Lines = std::vector<std::string>;

aio::Coroutine<std::uint64_t> turns_taken(int turns) {
    const std::uint64_t before = aio::get_running_loop().iterations();
    co_await exercises::wait_turns(turns);
    co_return aio::get_running_loop().iterations() - before;
}

aio::Coroutine<void> ticker(Lines& lines, std::string name, int ticks) {
    for (int i = 0; i < ticks; ++i) {
        lines.push_back(fmt::format("{} at iteration {}", name, aio::get_running_loop().iterations()));
        co_await aio::sleep(0);
    }
}

aio::Coroutine<void> waiter(Lines& lines) {
    lines.push_back(fmt::format("waiter starts at iteration {}", aio::get_running_loop().iterations()));
    co_await exercises::wait_turns(2);
    lines.push_back(fmt::format("waiter resumes at iteration {}", aio::get_running_loop().iterations()));
}

aio::Coroutine<void> side_by_side(Lines& lines) { co_await aio::gather(ticker(lines, "ticker", 3), waiter(lines)); }

}  // namespace

TEST_CASE("wait_turns(3) resumes exactly 3 loop iterations later") {
    CHECK(aio::run(turns_taken(3), {.virtual_time = true}) == 3);
}

TEST_CASE("wait_turns(1) is one iteration, like sleep(0)") {
    CHECK(aio::run(turns_taken(1), {.virtual_time = true}) == 1);
}

TEST_CASE("wait_turns(0) goes on at once, in the same iteration") {
    CHECK(aio::run(turns_taken(0), {.virtual_time = true}) == 0);
}

TEST_CASE("other tasks keep running, in order, while one waits for turns") {
    Lines lines;
    aio::run(side_by_side(lines), {.virtual_time = true});
    CHECK(lines == Lines{"ticker at iteration 1", "waiter starts at iteration 1", "ticker at iteration 2",
                         "ticker at iteration 3", "waiter resumes at iteration 3"});
}

TEST_CASE("waiting for turns takes no time") {
    aio::EventLoop loop({.virtual_time = true});
    loop.run_until_complete(exercises::wait_turns(5));
    CHECK(loop.time() == 0.0);
    CHECK(loop.iterations() == 6);
}
