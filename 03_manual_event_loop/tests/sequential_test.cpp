#include "course_test.hpp"

#include "section_fixture.hpp"
#include "sections.hpp"

TEST_CASE("three blocking sleeps of 3 s take exactly 9 s, one after the other") {
    SectionFixture f;
    sections::sequential(f.ctx);
    CHECK(f.clock.now() == 9.0);
    CHECK(f.log.lines() == std::vector<std::string>{
                               "[  0.000s] sleep_3() #1: sleeping 3 s (a blocking sleep)",
                               "[  3.000s] sleep_3() #1: done",
                               "[  3.000s] sleep_3() #2: sleeping 3 s (a blocking sleep)",
                               "[  6.000s] sleep_3() #2: done",
                               "[  6.000s] sleep_3() #3: sleeping 3 s (a blocking sleep)",
                               "[  9.000s] sleep_3() #3: done",
                               "[  9.000s] 3 sleeps of 3 s, one after the other: 9 s",
                           });
}

TEST_CASE("the sequential sleeps never overlap on the timeline") {
    SectionFixture f;
    sections::sequential(f.ctx);
    const std::vector<common::Timeline::Event> events = f.timeline.events();
    REQUIRE(events.size() == 3);
    for (std::size_t i = 0; i < events.size(); ++i) {
        CHECK(events[i].start == 3.0 * static_cast<double>(i));
        CHECK(events[i].end == 3.0 * static_cast<double>(i + 1));
    }
}
