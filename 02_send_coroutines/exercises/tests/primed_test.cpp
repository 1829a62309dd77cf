#include "course_test.hpp"

#include "primed.hpp"
#include "printer.hpp"
#include "running_total.hpp"

using Lines = std::vector<std::string>;

TEST_CASE("primed() returns a generator already paused at its first yield, ready for send()") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    const std::unique_ptr<coroutines::RunningTotal> gen = exercises::primed<coroutines::RunningTotal>(3, log);
    CHECK(gen->started());
    CHECK(log.take_lines() == Lines{"[  0.000s] running_total: yield 0"});
    CHECK(gen->send(10) == 1);
    CHECK(gen->total() == 10);
}

TEST_CASE("primed() works for any send-coroutine, pipeline stages included") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    const std::unique_ptr<coroutines::Printer> sink = exercises::primed<coroutines::Printer>(log);
    CHECK(log.lines().empty());
    sink->send("hello");
    CHECK(log.lines() == Lines{"[  0.000s] printer: hello"});
}

TEST_CASE("primed() refuses a generator that ends before its first yield") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    CHECK_THROWS_WITH_AS(exercises::primed<coroutines::RunningTotal>(0, log),
                         "generator finished before its first yield", coroutines::SendError);
}
