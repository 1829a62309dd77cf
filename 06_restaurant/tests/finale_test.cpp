// The finale: the three restaurants side by side, on virtual time.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "sections.hpp"

TEST_CASE("the finale's table: 43.8 s, 23.6 s and 7.5 s, with busy time and utilisation") {
    SectionFixture f;
    sections::finale(f.ctx);
    CHECK(f.log.lines() ==
          std::vector<std::string>{
              "sync restaurant: every order served in 43.8 s",
              "threads restaurant: every order served in 23.6 s",
              "async restaurant: every order served in 7.5 s",
              "",
              "version   waiters  threads    total     busy  utilisation",
              "sync            2        1   43.8 s   43.8 s        50.0%",
              "threads         2        2   23.6 s   43.8 s        92.8%",
              "async           1        1    7.5 s    7.5 s       100.0%",
              "",
              "busy: time a waiter has at least one order in hand; utilisation: busy / (waiters x total).",
              "The kitchen works the same 43.8 s in every version; what changes is how much of it overlaps.",
          });
}

TEST_CASE("the finale draws the three restaurants on one timeline, each from 0 s") {
    SectionFixture f;
    sections::finale(f.ctx);
    CHECK(f.timeline.lanes() == std::vector<std::string>{"sync Waiter 1", "sync Waiter 2", "threads Waiter 1",
                                                         "threads Waiter 2", "async W1 order 0", "async W1 order 1",
                                                         "async W1 order 2", "async W1 order 3"});
    double latest = 0;
    for (const common::Timeline::Event& event : f.timeline.events()) latest = std::max(latest, event.end);
    CHECK(latest == 43.8);
}
