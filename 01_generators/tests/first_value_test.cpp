#include "course_test.hpp"
#include "section_fixture.hpp"

#include <cstdint>
#include <vector>

#include <fmt/format.h>

#include "sections.hpp"
#include "slow_squares.hpp"

TEST_CASE("the eager list costs every item's time before it returns") {
    SectionFixture f;
    const std::vector<std::int64_t> items = generators::slow_squares_list(3, 0.5, f.ctx);
    CHECK(items == std::vector<std::int64_t>{0, 1, 4});
    CHECK(f.clock.now() == 1.5);
    CHECK(f.log.lines() == std::vector<std::string>{"[  0.500s]   source: made 0", "[  1.000s]   source: made 1",
                                                    "[  1.500s]   source: made 4"});
}

TEST_CASE("the lazy generator costs nothing to create and one item's time per next()") {
    SectionFixture f;
    generators::SlowSquares gen(2, 0.5, f.ctx);
    CHECK(f.clock.now() == 0.0);
    CHECK(f.log.lines().empty());
    CHECK(gen.next() == 0);
    CHECK(f.clock.now() == 0.5);
    CHECK(gen.next() == 1);
    CHECK(f.clock.now() == 1.0);
    CHECK(gen.next() == std::nullopt);
    CHECK(f.clock.now() == 1.0);  // ending costs nothing: no item is made
    CHECK(f.log.lines() == std::vector<std::string>{"[  0.500s]   source: made 0", "[  1.000s]   source: made 1"});
}

TEST_CASE("the first_value section: eager's first item after 1 s, lazy's after 200 ms") {
    SectionFixture f;
    sections::first_value(f.ctx);
    CHECK(f.log.lines() == std::vector<std::string>{
                               "[  0.000s] eager: items = slow_squares_list(5)   # each square takes 200 ms to make",
                               "[  0.200s]   source: made 0",
                               "[  0.400s]   source: made 1",
                               "[  0.600s]   source: made 4",
                               "[  0.800s]   source: made 9",
                               "[  1.000s]   source: made 16",
                               "[  1.000s] eager: first item 0 after 1 s: you waited for all 5",
                               "[  1.000s] lazy: gen = slow_squares(5); next(gen)",
                               "[  1.200s]   source: made 0",
                               "[  1.200s] lazy: first item 0 after 200 ms: you waited for one",
                               "[  1.200s] lazy: stop here and the other 4 are never made",
                           });
}

TEST_CASE("the first_value timeline: the caller waits 1 s for the list, 200 ms for next()") {
    SectionFixture f;
    sections::first_value(f.ctx);
    std::vector<std::string> spans;
    for (const common::Timeline::Event& event : f.timeline.events()) {
        spans.push_back(fmt::format("{} | {} | {:.1f}-{:.1f}", event.lane, event.label, event.start, event.end));
    }
    CHECK(spans == std::vector<std::string>{
                       "source | make 0 | 0.0-0.2",
                       "source | make 1 | 0.2-0.4",
                       "source | make 4 | 0.4-0.6",
                       "source | make 9 | 0.6-0.8",
                       "source | make 16 | 0.8-1.0",
                       "caller | eager: waits for the list | 0.0-1.0",
                       "source | make 0 | 1.0-1.2",
                       "caller | lazy: waits for one | 1.0-1.2",
                   });
}
