#include "course_test.hpp"

#include <stdexcept>
#include <string>

#include "section_fixture.hpp"
#include "hub.hpp"
#include "sections.hpp"

TEST_CASE("two green threads that each sleep 1 s twice finish together after 2 s, not 4 s") {
    SectionFixture f;
    sections::hub(f.ctx);
    CHECK(f.clock.now() == 2.0);
    CHECK(f.log.lines() ==
          std::vector<std::string>{
              "[  0.000s] main: joinall([spawn(task, \"task A\"), spawn(task, \"task B\")])",
              "[  0.000s] task A: step 1, sleep(1)",
              "[  0.000s] task B: step 1, sleep(1)",
              "[  1.000s] task A: step 2, sleep(1)",
              "[  1.000s] task B: step 2, sleep(1)",
              "[  2.000s] task A: done",
              "[  2.000s] task B: done",
              "[  2.000s] main: both finished after 2 s, not 4 s: sleep() switches to the hub instead of waiting",
          });
}

TEST_CASE("with a blocking sleep the hub never gets control back: the same tasks take 4 s, one after the other") {
    SectionFixture f;
    sections::hub_unpatched(f.ctx);
    CHECK(f.clock.now() == 4.0);
    CHECK(f.log.lines() ==
          std::vector<std::string>{
              "[  0.000s] main: joinall([spawn(task, \"task A\"), spawn(task, \"task B\")])",
              "[  0.000s] task A: step 1, time.sleep(1)",
              "[  1.000s] task A: step 2, time.sleep(1)",
              "[  2.000s] task A: done",
              "[  2.000s] task B: step 1, time.sleep(1)",
              "[  3.000s] task B: step 2, time.sleep(1)",
              "[  4.000s] task B: done",
              "[  4.000s] main: both finished after 4 s, as in chapter 02: time.sleep() never lets the hub run",
              "gevent's monkey.patch_all() replaces time.sleep (and socket, select, ...) with",
              "versions that switch to the hub: code written for blocking calls then waits together.",
          });
}

TEST_CASE("spawn() runs nothing: green threads start at joinall(), in spawn order") {
    common::VirtualClock clock;
    manual_loop::Hub hub(clock);
    std::string order;
    hub.spawn([&] { order += 'a'; });
    hub.spawn([&] { order += 'b'; });
    CHECK(order.empty());
    hub.joinall();
    CHECK(order == "ab");
    CHECK(hub.switches() == 2);
}

TEST_CASE("sleeping green threads wake in deadline order, equal deadlines in the order they slept") {
    common::VirtualClock clock;
    manual_loop::Hub hub(clock);
    std::vector<std::string> woke;
    for (const auto& [name, delay] : {std::pair{"two", 2.0}, {"one", 1.0}, {"also one", 1.0}, {"half", 0.5}}) {
        hub.spawn([&, name = std::string(name), delay = delay] {
            hub.sleep(delay);
            woke.push_back(fmt::format("{}@{}", name, clock.now()));
        });
    }
    hub.joinall();
    CHECK(woke == std::vector<std::string>{"half@0.5", "one@1", "also one@1", "two@2"});
    CHECK(hub.sleeps() == 3);  // the hub slept until 0.5, 1 and 2
}

TEST_CASE("sleep(0) lets every other ready green thread run once before it goes on") {
    common::VirtualClock clock;
    manual_loop::Hub hub(clock);
    std::vector<std::string> order;
    for (const char* name : {"A", "B"}) {
        hub.spawn([&, name] {
            order.push_back(fmt::format("{}1", name));
            hub.sleep(0.0);
            order.push_back(fmt::format("{}2", name));
        });
    }
    hub.joinall();
    CHECK(order == std::vector<std::string>{"A1", "B1", "A2", "B2"});
    CHECK(clock.now() == 0.0);
}

TEST_CASE("a green thread spawned by another returns to the hub when it finishes, not into its spawner") {
    common::VirtualClock clock;
    manual_loop::Hub hub(clock);
    std::vector<std::string> order;
    hub.spawn([&] {
        order.push_back("parent starts, spawns child");
        hub.spawn([&] { order.push_back(fmt::format("child runs at {}", clock.now())); });
        hub.sleep(1.0);
        order.push_back(fmt::format("parent wakes at {}", clock.now()));
    });
    hub.joinall();
    CHECK(order == std::vector<std::string>{"parent starts, spawns child", "child runs at 0", "parent wakes at 1"});
}

namespace {
// Recursion on the green thread's own stack: sleep() switches away from the bottom of it.
int sleep_deep(manual_loop::Hub& hub, int depth) {
    if (depth == 0) {
        hub.sleep(1.0);
        return 0;
    }
    return 1 + sleep_deep(hub, depth - 1);
}
}  // namespace

TEST_CASE("sleep() works at any depth of nested calls: a green thread keeps its whole stack") {
    common::VirtualClock clock;
    manual_loop::Hub hub(clock);
    int a = -1;
    int b = -1;
    hub.spawn([&] { a = sleep_deep(hub, 20); });
    hub.spawn([&] { b = sleep_deep(hub, 5); });
    hub.joinall();
    CHECK(a == 20);
    CHECK(b == 5);
    CHECK(clock.now() == 1.0);
}

TEST_CASE("an exception escaping a green thread comes out of joinall()") {
    common::VirtualClock clock;
    manual_loop::Hub hub(clock);
    hub.spawn([&] {
        hub.sleep(1.0);
        throw std::runtime_error("checkmate");
    });
    CHECK_THROWS_WITH_AS(hub.joinall(), "checkmate", std::runtime_error);
    CHECK(clock.now() == 1.0);
}

TEST_CASE("sleep() outside a green thread and joinall() inside one are errors, not hangs") {
    common::VirtualClock clock;
    manual_loop::Hub hub(clock);
    CHECK_THROWS_AS(hub.sleep(1.0), std::logic_error);
    hub.spawn([&] { hub.joinall(); });
    CHECK_THROWS_WITH_AS(hub.joinall(), "Hub::joinall() from a green thread: the hub runs on the main stack",
                         std::logic_error);
}
