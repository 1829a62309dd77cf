#include "course_test.hpp"

#include "round_robin.hpp"
#include "steps.hpp"

using Lines = std::vector<std::string>;

TEST_CASE("a Steps task logs one step per next() and ends after its count") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::Steps task("T", 2, log);
    CHECK(task.next().has_value());
    CHECK(task.next().has_value());
    CHECK(task.next() == std::nullopt);
    CHECK(task.finished());
    CHECK(log.lines() == Lines{"[  0.000s] T: step 1 of 2", "[  0.000s] T: step 2 of 2"});
}

TEST_CASE("round_robin gives each task one step per turn, in order, until every task has finished") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    std::vector<coroutines::NamedTask> tasks;
    tasks.push_back({"A", std::make_unique<coroutines::Steps>("A", 2, log)});
    tasks.push_back({"B", std::make_unique<coroutines::Steps>("B", 1, log)});
    tasks.push_back({"C", std::make_unique<coroutines::Steps>("C", 0, log)});
    CHECK(coroutines::round_robin(std::move(tasks), log) == 6);
    CHECK(log.lines() == Lines{
                             "[  0.000s] A: step 1 of 2",
                             "[  0.000s] B: step 1 of 1",
                             "[  0.000s] round_robin: C finished",
                             "[  0.000s] A: step 2 of 2",
                             "[  0.000s] round_robin: B finished",
                             "[  0.000s] round_robin: A finished",
                         });
}

TEST_CASE("round_robin of no tasks returns at once") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    CHECK(coroutines::round_robin({}, log) == 0);
    CHECK(log.lines().empty());
}
