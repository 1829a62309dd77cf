// The timer heap against a plain ordered set: the same timers come out in the same order, with
// random removals (waits that ended early) in between.
#include "course_test.hpp"

#include <cstdint>
#include <random>
#include <set>
#include <tuple>
#include <vector>

#include "aio/timer_heap.hpp"

TEST_CASE("the timer heap pops by deadline then arrival, and a task's timer can be taken out from anywhere") {
    std::mt19937 random(5);
    std::vector<aio::detail::PromiseBase> tasks(500);
    std::set<std::tuple<double, std::uint64_t, aio::detail::PromiseBase*>> expected;
    aio::detail::TimerHeap heap;
    std::uint64_t sequence = 0;
    for (int round = 0; round < 20'000; ++round) {
        aio::detail::PromiseBase& task = tasks[random() % tasks.size()];
        const unsigned action = random() % 3;
        if (action == 0 && task.timer_slot == 0) {
            const double deadline = static_cast<double>(random() % 50);  // many ties
            heap.push({deadline, ++sequence, &task});
            expected.emplace(deadline, sequence, &task);
        } else if (action == 1 && task.timer_slot != 0) {
            const aio::detail::Timer& timer = heap.earliest();
            CHECK(expected.count({timer.deadline, timer.sequence, timer.task}) == 1);
            const std::size_t before = heap.size();
            heap.remove(task);
            CHECK(task.timer_slot == 0);
            CHECK(heap.size() == before - 1);
            std::erase_if(expected, [&task](const auto& entry) { return std::get<2>(entry) == &task; });
        } else if (action == 2 && !heap.empty()) {
            const aio::detail::Timer timer = heap.pop();
            REQUIRE(!expected.empty());
            CHECK(std::make_tuple(timer.deadline, timer.sequence, timer.task) == *expected.begin());
            CHECK(timer.task->timer_slot == 0);
            expected.erase(expected.begin());
        }
        REQUIRE(heap.size() == expected.size());
    }
    while (!heap.empty()) {
        const aio::detail::Timer timer = heap.pop();
        CHECK(std::make_tuple(timer.deadline, timer.sequence, timer.task) == *expected.begin());
        expected.erase(expected.begin());
    }
}
