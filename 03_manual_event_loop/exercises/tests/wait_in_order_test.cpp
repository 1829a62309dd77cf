#include "course_test.hpp"

#include "wait_in_order.hpp"

namespace {
std::vector<manual_loop::PollTask> make_tasks(const common::Clock& clock,
                                              std::initializer_list<std::pair<const char*, double>> specs) {
    std::vector<manual_loop::PollTask> tasks;
    for (const auto& [name, delay] : specs) tasks.emplace_back(name, delay, clock);
    return tasks;
}
}  // namespace

TEST_CASE("tasks that become ready in the same pass are found in list order") {
    common::VirtualClock clock;
    auto tasks = make_tasks(clock, {{"a", 1.0}, {"b", 1.0}, {"c", 1.0}, {"d", 1.0}});
    CHECK(exercises::wait_in_order(tasks, clock) == std::vector<std::string>{"a", "b", "c", "d"});
    CHECK(clock.now() == 1.0);
}

TEST_CASE("tasks with different deadlines are found in deadline order, each on its deadline's tick") {
    common::VirtualClock clock;
    auto tasks = make_tasks(clock, {{"slow", 2.0}, {"quick", 1.0}, {"slowest", 3.0}, {"also quick", 1.0}});
    CHECK(exercises::wait_in_order(tasks, clock) == std::vector<std::string>{"quick", "also quick", "slow", "slowest"});
    CHECK(clock.now() == 3.0);
    for (const manual_loop::PollTask& task : tasks) CHECK(task.ready);
}

TEST_CASE("wait_in_order() returns right after the pass that empties the list: no idle tick after it") {
    common::VirtualClock clock;
    auto tasks = make_tasks(clock, {{"x", 0.25}});
    CHECK(exercises::wait_in_order(tasks, clock) == std::vector<std::string>{"x"});
    CHECK(clock.now() == 0.25);
}

TEST_CASE("a task that is already due is found in the first pass, and no time passes") {
    common::VirtualClock clock;
    auto tasks = make_tasks(clock, {{"late", 0.5}, {"now", 0.0}});
    std::vector<manual_loop::PollTask> now_only;
    now_only.push_back(tasks[1]);
    CHECK(exercises::wait_in_order(now_only, clock) == std::vector<std::string>{"now"});
    CHECK(clock.now() == 0.0);
    CHECK(exercises::wait_in_order(tasks, clock) == std::vector<std::string>{"now", "late"});
    CHECK(clock.now() == 0.5);
}
