// A section's context on a fresh virtual clock, with a capturing log and a recording timeline:
// what every test of a lesson section needs.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

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

// What a section drew, one line per event: "lane: label start..end" (an instant: "lane: label @t"),
// times printed shortest, so a test pins the timeline as exactly as the log.
inline std::vector<std::string> drawn(const common::Timeline& timeline) {
    std::vector<std::string> lines;
    for (const common::Timeline::Event& e : timeline.events()) {
        lines.push_back(e.instant ? fmt::format("{}: {} @{}", e.lane, e.label, e.start)
                                  : fmt::format("{}: {} {}..{}", e.lane, e.label, e.start, e.end));
    }
    return lines;
}
