// A section's context on a fresh virtual clock, with a capturing log and a recording timeline:
// what every test of a lesson section needs.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/lesson.hpp"

struct SectionFixture {
    common::VirtualClock clock;
    common::Log log = common::Log::capturing(clock);
    common::Timeline timeline{true};
    common::Context ctx{clock, log, timeline};
};

// Runs one section the way the lesson does, on virtual time, and returns what it logged.
template <class Section>
std::vector<std::string> run_section(Section&& section) {
    SectionFixture f;
    std::forward<Section>(section)(f.ctx);
    return f.log.lines();
}
