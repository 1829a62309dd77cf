// Sections "offload" and "parallel" of part 8, run on virtual time.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "sections.hpp"

namespace {

using Lines = std::vector<std::string>;

// The timeline's spans only: the heartbeat's instants are pinned by the log.
Lines spans(const common::Timeline& timeline) {
    Lines all = drawn(timeline);
    std::erase_if(all, [](const std::string& line) { return line.find(" @") != std::string::npos; });
    return all;
}

}  // namespace

TEST_CASE("offload: a blocking call made directly stalls the heartbeat, awaited with to_thread it does not") {
    SectionFixture f;
    sections::offload(f.ctx);
    CHECK(f.log.lines() == Lines{
                               "[  0.000s] a heartbeat ticks 6 times, every 0.1 s; main makes a 0.45 s blocking call, "
                               "directly:",
                               "[  0.450s]   main: the call returned 42 after 450 ms; the heartbeat ticked 0 times "
                               "meanwhile",
                               "[  0.450s]   heartbeat: tick 1 (350 ms late)",
                               "[  0.550s]   heartbeat: tick 2",
                               "[  0.650s]   heartbeat: tick 3",
                               "[  0.750s]   heartbeat: tick 4",
                               "[  0.850s]   heartbeat: tick 5",
                               "[  0.950s]   heartbeat: tick 6",
                               "[  0.950s] the same call with co_await aio::to_thread(blocking_call, ...):",
                               "[  1.050s]   heartbeat: tick 1",
                               "[  1.150s]   heartbeat: tick 2",
                               "[  1.250s]   heartbeat: tick 3",
                               "[  1.350s]   heartbeat: tick 4",
                               "[  1.400s]   main: the call returned 42 after 450 ms; the heartbeat ticked 4 times "
                               "meanwhile",
                               "[  1.450s]   heartbeat: tick 5",
                               "[  1.550s]   heartbeat: tick 6",
                           });
    CHECK(spans(f.timeline) ==
          Lines{"loop thread: blocking_call() 0..0.45", "worker thread: blocking_call() 0.95..1.4"});
}

TEST_CASE("parallel: both ways measured, a prediction from the first before the second, the story's clock still") {
    SectionFixture f;
    sections::parallel(f.ctx);
    const Lines lines = f.log.lines();
    REQUIRE(lines.size() == 6);
    CHECK(lines[0].starts_with("[  0.000s] two CPU-bound jobs of "));
    CHECK(lines[1].starts_with("  one after the other: "));
    CHECK(lines[1].ends_with(" idle (measured)"));
    CHECK(lines[2].starts_with("  meanwhile other programs wanted "));
    CHECK(lines[3].starts_with("  side by side, predicted: "));
    CHECK(lines[4].starts_with("  side by side:        "));
    CHECK(lines[4].ends_with(" idle (measured)"));
    CHECK(lines[5].starts_with("  speed-up: "));
    CHECK(f.clock.now() == 0.0);
}
