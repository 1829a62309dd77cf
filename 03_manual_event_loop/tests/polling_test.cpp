#include "course_test.hpp"

#include "busy_ticker.hpp"
#include "cpu_meter.hpp"
#include "section_fixture.hpp"
#include "poll_wait.hpp"
#include "sections.hpp"

TEST_CASE("run() only marks a task ready once the clock has reached its deadline") {
    common::VirtualClock clock;
    manual_loop::PollTask task("t", 2.0, clock);
    CHECK(task.deadline == 2.0);
    task.run();
    CHECK_FALSE(task.ready);
    clock.sleep_until(1.999);
    task.run();
    CHECK_FALSE(task.ready);
    clock.sleep_until(2.0);
    task.run();
    CHECK(task.ready);
}

TEST_CASE("on a virtual clock each idle pass of a busy loop costs exactly one 1 ms tick") {
    common::VirtualClock clock;
    manual_loop::BusyTicker ticker(clock);
    ticker.idle();
    CHECK(clock.now() == 0.001);
    for (int i = 1; i < 3000; ++i) ticker.idle();
    CHECK(clock.now() == 3.0);  // counted ticks, not summed: no rounding drift
}

TEST_CASE("paced by real time, a busy loop spins between ticks and still ends at the exact story time") {
    common::VirtualClock clock(1000.0);  // 0.5 story seconds: half a millisecond of real time
    auto log = common::Log::capturing(clock);
    std::vector<manual_loop::PollTask> tasks;
    tasks.emplace_back("t", 0.5, clock);
    const manual_loop::PollStats stats = manual_loop::wait(tasks, clock, log);
    CHECK(clock.now() == 0.5);
    CHECK(log.lines() == std::vector<std::string>{"[  0.500s] t done (pass " + std::to_string(stats.passes) + ")"});
    CHECK(stats.passes >= 501);  // at least one pass per tick; more while it spins in real time
}

TEST_CASE("wait() returns only when every task is ready, at the latest deadline's tick") {
    SectionFixture f;
    std::vector<manual_loop::PollTask> tasks;
    tasks.emplace_back("slow", 2.5, f.clock);
    tasks.emplace_back("quick", 0.5, f.clock);
    const manual_loop::PollStats stats = manual_loop::wait(tasks, f.clock, f.log);
    CHECK(f.clock.now() == 2.5);
    CHECK(tasks[0].ready);
    CHECK(tasks[1].ready);
    CHECK(stats.passes == 2501);           // t = 0.000, 0.001, ..., 2.500
    CHECK(stats.polls == 501 * 2 + 2000);  // both until 0.5, then "slow" alone
    CHECK(f.log.lines() == std::vector<std::string>{
                               "[  0.500s] quick done (pass 501)",
                               "[  2.500s] slow done (pass 2501)",
                           });
}

TEST_CASE("wait() finds tasks done in the order it polls them: the last one moves into the freed slot") {
    SectionFixture f;
    std::vector<manual_loop::PollTask> tasks;
    for (const char* name : {"a", "b", "c", "d"}) tasks.emplace_back(name, 1.0, f.clock);
    manual_loop::wait(tasks, f.clock, f.log);
    CHECK(f.log.lines() == std::vector<std::string>{
                               "[  1.000s] a done (pass 1001)",
                               "[  1.000s] d done (pass 1001)",
                               "[  1.000s] c done (pass 1001)",
                               "[  1.000s] b done (pass 1001)",
                           });
}

TEST_CASE("the polling section: 10 tasks of 3 s are all done at exactly 3 s, in polling order") {
    SectionFixture f;
    sections::polling(f.ctx);
    CHECK(f.clock.now() == 3.0);
    CHECK(f.log.lines() == std::vector<std::string>{
                               "[  0.000s] 10 tasks, each ready 3 s from now; wait() polls them until none is pending",
                               "[  0.000s] (virtual time: a pass that leaves tasks pending costs one 1 ms tick)",
                               "[  3.000s] task 0 done (pass 3001)",
                               "[  3.000s] task 9 done (pass 3001)",
                               "[  3.000s] task 8 done (pass 3001)",
                               "[  3.000s] task 7 done (pass 3001)",
                               "[  3.000s] task 6 done (pass 3001)",
                               "[  3.000s] task 5 done (pass 3001)",
                               "[  3.000s] task 4 done (pass 3001)",
                               "[  3.000s] task 3 done (pass 3001)",
                               "[  3.000s] task 2 done (pass 3001)",
                               "[  3.000s] task 1 done (pass 3001)",
                               "[  3.000s] all 10 tasks done in 3 s, not 30 s: they waited at the same time",
                               "[  3.000s] wait() made 3001 passes and 30010 polls to find that out",
                               "CPU time: measured in real time only (run this section without --virtual)",
                           });
    CHECK(f.timeline.lanes().size() == 10);
}

TEST_CASE("CPU time is reported in real time, in seconds of CPU against seconds of real time") {
    common::ScaledClock clock(2.0);
    auto log = common::Log::capturing(clock);
    const manual_loop::CpuMeter cpu;
    cpu.report(log, "nothing", 3.0);
    const std::vector<std::string> lines = log.lines();
    REQUIRE(lines.size() == 1);
    // The CPU figure is measured, so only its shape is fixed; 3 s of story at speed 2 is 1.5 s of real time.
    CHECK(lines[0].rfind("CPU time burned by nothing: ", 0) == 0);
    CHECK(lines[0].find(" s of CPU in 1.500 s of real time") != std::string::npos);
}
