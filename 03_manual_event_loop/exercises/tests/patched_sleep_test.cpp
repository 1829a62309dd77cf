#include "course_test.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "patched_sleep.hpp"

namespace {
// "Library code" written for blocking sleeps: it knows nothing of hubs or green threads.
void fetch(manual_loop::Hub& hub, common::Clock& clock, std::vector<std::string>& log, const std::string& what) {
    log.push_back(fmt::format("{} starts at {}", what, clock.now()));
    exercises::patched_sleep(hub, clock, 1.0);
    log.push_back(fmt::format("{} done at {}", what, clock.now()));
}
}  // namespace

TEST_CASE("in green threads, the patched sleep switches to the hub: two fetches of 1 s take 1 s") {
    common::VirtualClock clock;
    manual_loop::Hub hub(clock);
    std::vector<std::string> log;
    hub.spawn([&] { fetch(hub, clock, log, "a"); });
    hub.spawn([&] { fetch(hub, clock, log, "b"); });
    hub.joinall();
    CHECK(log == std::vector<std::string>{"a starts at 0", "b starts at 0", "a done at 1", "b done at 1"});
    CHECK(clock.now() == 1.0);
    CHECK(hub.sleeps() == 1);  // the hub slept once, until 1 s, for both
}

TEST_CASE("on the main stack, the patched sleep blocks like time.sleep: two fetches take 2 s") {
    common::VirtualClock clock;
    manual_loop::Hub hub(clock);
    std::vector<std::string> log;
    fetch(hub, clock, log, "a");
    fetch(hub, clock, log, "b");
    CHECK(log == std::vector<std::string>{"a starts at 0", "a done at 1", "b starts at 1", "b done at 2"});
    CHECK(clock.now() == 2.0);
    CHECK(hub.sleeps() == 0);
}

TEST_CASE("the patched sleep keeps each green thread's order of steps, and the hub's deadline order") {
    common::VirtualClock clock;
    manual_loop::Hub hub(clock);
    std::vector<std::string> log;
    for (const auto& [name, seconds] : {std::pair{"slow", 2.0}, {"quick", 0.5}}) {
        hub.spawn([&, name = std::string(name), seconds = seconds] {
            exercises::patched_sleep(hub, clock, seconds);
            log.push_back(fmt::format("{} at {}", name, clock.now()));
            exercises::patched_sleep(hub, clock, seconds);
            log.push_back(fmt::format("{} again at {}", name, clock.now()));
        });
    }
    hub.joinall();
    CHECK(log == std::vector<std::string>{"quick at 0.5", "quick again at 1", "slow at 2", "slow again at 4"});
}
