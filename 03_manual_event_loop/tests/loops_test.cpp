#include "course_test.hpp"

#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "busy_loop.hpp"
#include "section_fixture.hpp"
#include "sections.hpp"
#include "sleep_task.hpp"
#include "timer_heap.hpp"
#include "timer_loop.hpp"

using manual_loop::Return;
using manual_loop::Step;
using manual_loop::Yield;

namespace {
bool yields(const Step& step, double deadline) {
    const auto* yielded = std::get_if<Yield>(&step);
    return yielded != nullptr && yielded->deadline == deadline;
}
bool returns(const Step& step, int value) {
    const auto* returned = std::get_if<Return>(&step);
    return returned != nullptr && returned->value == value;
}
}  // namespace

TEST_CASE("a sleep task reads the clock at its first step, yields its deadline until then, and returns its value") {
    SectionFixture f;
    f.clock.sleep_until(1.0);
    manual_loop::SleepTask task(7, 2.0, f.clock, f.log);
    f.clock.sleep_until(5.0);  // created at 1 s, first stepped at 5 s: the deadline counts from 5 s
    CHECK(yields(task(), 7.0));
    CHECK(yields(task(), 7.0));
    f.clock.sleep_until(7.0);
    CHECK(returns(task(), 7));
    CHECK(f.log.lines() == std::vector<std::string>{"[  7.000s] task 7: slept 2 s, returns 7"});
    CHECK_THROWS_AS(task(), std::logic_error);
}

TEST_CASE("the timer heap gives the earliest deadline first, and equal deadlines in the order they were set") {
    manual_loop::TimerHeap<char> heap;
    CHECK_THROWS_AS((void)heap.earliest(), std::logic_error);
    heap.push(2.0, 'a');
    heap.push(1.0, 'b');
    heap.push(2.0, 'c');
    heap.push(1.0, 'd');
    heap.push(0.5, 'e');
    CHECK(heap.earliest() == 0.5);
    CHECK(heap.pop_due(0.4) == std::nullopt);
    std::string order;
    while (const std::optional<char> item = heap.pop_due(2.0)) order += *item;
    CHECK(order == "ebdac");
    CHECK(heap.empty());
}

TEST_CASE("pop_due() leaves timers that are not due yet on the heap") {
    manual_loop::TimerHeap<int> heap;
    heap.push(1.0, 1);
    heap.push(3.0, 3);
    CHECK(heap.pop_due(1.5) == 1);
    CHECK(heap.pop_due(1.5) == std::nullopt);
    CHECK(heap.size() == 1);
    CHECK(heap.earliest() == 3.0);
}

TEST_CASE("the busy loop collects results in creation order, after exactly 3001 passes of stepping") {
    SectionFixture f;
    std::vector<manual_loop::Task> tasks;
    for (const auto& [value, delay] : {std::pair{1, 2.0}, {2, 1.0}, {3, 3.0}}) {
        tasks.emplace_back(manual_loop::SleepTask(value, delay, f.clock, f.log));
    }
    const manual_loop::BusyRun run = manual_loop::run_busy(std::move(tasks), f.clock);
    CHECK(run.results == std::vector<int>{1, 2, 3});
    CHECK(f.clock.now() == 3.0);
    CHECK(run.passes == 3001);
    CHECK(run.steps == 1001 * 3 + 1000 * 2 + 1000);  // all three to 1 s, two to 2 s, one to 3 s
    CHECK(f.log.lines() == std::vector<std::string>{
                               "[  1.000s] task 2: slept 1 s, returns 2",
                               "[  2.000s] task 1: slept 2 s, returns 1",
                               "[  3.000s] task 3: slept 3 s, returns 3",
                           });
}

TEST_CASE("the timer loop steps each sleep task twice: once to start it, once when its timer fires") {
    SectionFixture f;
    std::vector<manual_loop::Task> tasks;
    for (const auto& [value, delay] : {std::pair{1, 2.0}, {2, 1.0}, {3, 3.0}}) {
        tasks.emplace_back(manual_loop::SleepTask(value, delay, f.clock, f.log));
    }
    manual_loop::TimerLoop loop(f.clock);
    CHECK(loop.run(std::move(tasks)) == std::vector<int>{1, 2, 3});
    CHECK(f.clock.now() == 3.0);
    CHECK(loop.steps() == 6);
    CHECK(loop.iterations() == 4);
    CHECK(loop.sleeps() == 3);
}

TEST_CASE("timers with equal deadlines fire in the order they were set") {
    SectionFixture f;
    std::vector<manual_loop::Task> tasks;
    for (const auto& [value, delay] : {std::pair{1, 2.0}, {2, 1.0}, {3, 2.0}, {4, 1.0}}) {
        tasks.emplace_back(manual_loop::SleepTask(value, delay, f.clock, f.log));
    }
    manual_loop::TimerLoop loop(f.clock);
    CHECK(loop.run(std::move(tasks)) == std::vector<int>{1, 2, 3, 4});
    CHECK(f.log.lines() == std::vector<std::string>{
                               "[  1.000s] task 2: slept 1 s, returns 2",
                               "[  1.000s] task 4: slept 1 s, returns 4",
                               "[  2.000s] task 1: slept 2 s, returns 1",
                               "[  2.000s] task 3: slept 2 s, returns 3",
                           });
}

TEST_CASE("due timers join the ready queue behind what is already there, so a busy task cannot starve them") {
    common::VirtualClock clock;
    std::vector<std::string> order;
    double sleeper_returned_at = -1.0;
    std::vector<manual_loop::Task> tasks;
    // Sleeps 0.5 s on the timer heap, then returns.
    tasks.emplace_back([&, started = false]() mutable -> Step {
        order.push_back(started ? "sleeper wakes" : "sleeper sleeps");
        if (started) {
            sleeper_returned_at = clock.now();
            return Return{0};
        }
        started = true;
        return Yield{clock.now() + 0.5};
    });
    // Blocks for 1 s at every step and asks to run again at once: it never lets the loop rest.
    tasks.emplace_back([&, n = 0]() mutable -> Step {
        order.push_back(fmt::format("busy {}", n));
        clock.sleep_for(1.0);
        if (++n == 3) return Return{n};
        return Yield{clock.now()};
    });
    manual_loop::TimerLoop loop(clock);
    CHECK(loop.run(std::move(tasks)) == std::vector<int>{0, 3});
    CHECK(order == std::vector<std::string>{"sleeper sleeps", "busy 0", "busy 1", "sleeper wakes", "busy 2"});
    CHECK(sleeper_returned_at == 2.0);  // due at 0.5, but the loop was blocked until 1.0, then busy 1 ran first
    CHECK(loop.iterations() == 3);
    CHECK(loop.sleeps() == 0);
}

TEST_CASE("a deadline that has already passed puts the task straight back on the ready queue") {
    common::VirtualClock clock;
    std::vector<std::string> order;
    std::vector<manual_loop::Task> tasks;
    tasks.emplace_back([&, n = 0]() mutable -> Step {
        order.push_back(fmt::format("a{}", n));
        if (++n == 3) return Return{n};
        return Yield{clock.now()};
    });
    tasks.emplace_back([&, n = 0]() mutable -> Step {
        order.push_back(fmt::format("b{}", n));
        if (++n == 3) return Return{n};
        return Yield{clock.now() - 1.0};
    });
    manual_loop::TimerLoop loop(clock);
    CHECK(loop.run(std::move(tasks)) == std::vector<int>{3, 3});
    CHECK(order == std::vector<std::string>{"a0", "b0", "a1", "b1", "a2", "b2"});
    CHECK(loop.iterations() == 3);
    CHECK(loop.sleeps() == 0);
    CHECK(clock.now() == 0.0);
}

TEST_CASE("an exception thrown by a task comes out of run(), and leaves the loop reusable") {
    common::VirtualClock clock;
    std::vector<manual_loop::Task> tasks;
    tasks.emplace_back([]() -> Step { throw std::runtime_error("boom"); });
    manual_loop::TimerLoop loop(clock);
    CHECK_THROWS_WITH_AS(loop.run(std::move(tasks)), "boom", std::runtime_error);
    std::vector<manual_loop::Task> again;
    again.emplace_back([]() -> Step { return Return{42}; });
    CHECK(loop.run(std::move(again)) == std::vector<int>{42});  // and the loop can run again
}

TEST_CASE("the generators section: busy stepping returns [1, 2, 3, 4, 5] in creation order at 3 s") {
    SectionFixture f;
    sections::generators(f.ctx);
    CHECK(f.clock.now() == 3.0);
    CHECK(f.log.lines() ==
          std::vector<std::string>{
              "[  0.000s] generator-style tasks: each yields until its deadline, then returns its value",
              "[  0.000s] sleep_task(1, 2 s)",
              "[  0.000s] sleep_task(2, 1 s)",
              "[  0.000s] sleep_task(3, 3 s)",
              "[  0.000s] sleep_task(4, 1 s)",
              "[  0.000s] sleep_task(5, 2 s)",
              "[  0.000s] run_busy(): step every unfinished task on every pass",
              "[  0.000s] (virtual time: a pass that leaves tasks pending costs one 1 ms tick)",
              "[  1.000s] task 2: slept 1 s, returns 2",
              "[  1.000s] task 4: slept 1 s, returns 4",
              "[  2.000s] task 1: slept 2 s, returns 1",
              "[  2.000s] task 5: slept 2 s, returns 5",
              "[  3.000s] task 3: slept 3 s, returns 3",
              "[  3.000s] results in creation order: [1, 2, 3, 4, 5]",
              "[  3.000s] done in 3 s; the loop made 3001 passes and 9005 steps",
              "CPU time: measured in real time only (run this section without --virtual)",
          });
}

TEST_CASE("the timer_heap section: the same results and times, in 4 iterations and 10 steps") {
    SectionFixture f;
    sections::timer_heap(f.ctx);
    CHECK(f.clock.now() == 3.0);
    CHECK(f.log.lines() == std::vector<std::string>{
                               "[  0.000s] the same tasks; the loop parks each yielded deadline on a timer heap",
                               "[  0.000s] sleep_task(1, 2 s)",
                               "[  0.000s] sleep_task(2, 1 s)",
                               "[  0.000s] sleep_task(3, 3 s)",
                               "[  0.000s] sleep_task(4, 1 s)",
                               "[  0.000s] sleep_task(5, 2 s)",
                               "[  0.000s] TimerLoop::run(): ready queue first, then sleep until the earliest deadline",
                               "[  1.000s] task 2: slept 1 s, returns 2",
                               "[  1.000s] task 4: slept 1 s, returns 4",
                               "[  2.000s] task 1: slept 2 s, returns 1",
                               "[  2.000s] task 5: slept 2 s, returns 5",
                               "[  3.000s] task 3: slept 3 s, returns 3",
                               "[  3.000s] results in creation order: [1, 2, 3, 4, 5]",
                               "[  3.000s] done in 3 s; the loop made 4 iterations and 10 steps, and slept 3 times",
                               "CPU time: measured in real time only (run this section without --virtual)",
                           });
}

namespace {
// The timeline without the loop's own lane, and that lane apart.
std::pair<std::vector<std::string>, std::vector<std::string>> tasks_and_loop(const common::Timeline& timeline) {
    std::vector<std::string> tasks;
    std::vector<std::string> loop;
    for (const std::string& line : drawn(timeline)) (line.rfind("loop: ", 0) == 0 ? loop : tasks).push_back(line);
    return {tasks, loop};
}
}  // namespace

TEST_CASE("generators and timer_heap draw the same bars per task, but the busy loop steps every tick") {
    const std::vector<std::string> bars{
        "task 1: starts @0",      "task 2: starts @0",      "task 3: starts @0",      "task 4: starts @0",
        "task 5: starts @0",      "task 2: sleep 1 s 0..1", "task 4: sleep 1 s 0..1", "task 1: sleep 2 s 0..2",
        "task 5: sleep 2 s 0..2", "task 3: sleep 3 s 0..3",
    };
    SectionFixture busy;
    sections::generators(busy.ctx);
    const auto [busy_tasks, busy_loop] = tasks_and_loop(busy.timeline);
    CHECK(busy_tasks == bars);
    // One mark for each of its 3001 passes, each in a tick of its own: 0, 1 ms, ..., 3 s.
    REQUIRE(busy_loop.size() == 3001);
    CHECK(busy_loop.front() == "loop: steps every unfinished task @0");
    CHECK(busy_loop[1] == "loop: steps every unfinished task @0.001");
    CHECK(busy_loop.back() == "loop: steps every unfinished task @3");

    SectionFixture heap;
    sections::timer_heap(heap.ctx);
    const auto [heap_tasks, heap_loop] = tasks_and_loop(heap.timeline);
    CHECK(heap_tasks == bars);
    // Ten steps: each task once to start it, once when its timer fires; asleep in between.
    CHECK(heap_loop == std::vector<std::string>{
                           "loop: step task 1 @0",
                           "loop: step task 2 @0",
                           "loop: step task 3 @0",
                           "loop: step task 4 @0",
                           "loop: step task 5 @0",
                           "loop: step task 2 @1",
                           "loop: step task 4 @1",
                           "loop: step task 1 @2",
                           "loop: step task 5 @2",
                           "loop: step task 3 @3",
                       });
}
