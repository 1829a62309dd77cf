#include "course_test.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "work_counter.hpp"

namespace {

using Lines = std::vector<std::string>;

aio::Coroutine<void> finish_after(exercises::WorkCounter& counter, double seconds) {
    co_await aio::sleep(seconds);
    counter.task_done();
}

aio::Coroutine<void> joiner(Lines& lines, exercises::WorkCounter& counter, std::string name) {
    co_await counter.join();
    lines.push_back(fmt::format("{} joined at {} with {} outstanding", name, aio::time(), counter.outstanding()));
}

aio::Coroutine<void> three_pieces(Lines& lines) {
    exercises::WorkCounter counter;
    for (int i = 0; i < 3; ++i) counter.add();
    co_await aio::gather(joiner(lines, counter, "a"), joiner(lines, counter, "b"), finish_after(counter, 1.0),
                         finish_after(counter, 3.0), finish_after(counter, 2.0));
}

aio::Coroutine<void> nothing_outstanding(Lines& lines) {
    exercises::WorkCounter counter;
    const std::uint64_t before = aio::get_running_loop().iterations();
    co_await counter.join();
    lines.push_back(fmt::format("returned after {} iterations", aio::get_running_loop().iterations() - before));
}

}  // namespace

TEST_CASE("join() returns when every piece added is done, for every joiner, not before") {
    Lines lines;
    aio::run(three_pieces(lines), {.virtual_time = true});
    CHECK(lines == Lines{"a joined at 3 with 0 outstanding", "b joined at 3 with 0 outstanding"});
}

TEST_CASE("join() with nothing outstanding returns at once, without a loop turn") {
    Lines lines;
    aio::run(nothing_outstanding(lines), {.virtual_time = true});
    CHECK(lines == Lines{"returned after 0 iterations"});
}

TEST_CASE("task_done() more often than add() throws std::logic_error") {
    exercises::WorkCounter counter;
    counter.add();
    counter.task_done();
    CHECK(counter.outstanding() == 0);
    CHECK_THROWS_AS(counter.task_done(), std::logic_error);
}
