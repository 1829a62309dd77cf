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
