// The latency table at human scale: computed from the 14 classic numbers, not typed.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include "latency.hpp"
#include "sections.hpp"

TEST_CASE("the 14 latency numbers scaled by 1e9 read in a person's units, one decimal") {
    std::vector<std::string> human;
    for (const restaurant::Latency& row : restaurant::latency_numbers()) {
        human.push_back(restaurant::human_duration(row.nanoseconds));
    }
    CHECK(human == std::vector<std::string>{"0.5 s", "5 s", "7 s", "25 s", "100 s", "50 min", "5.6 h", "1.7 days",
                                            "2.9 days", "5.8 days", "11.6 days", "16.5 weeks", "7.6 months",
                                            "4.8 years"});
}

TEST_CASE("the originals' 7.8 months for a 1 MB disk read is a slip: 2e7 s is 7.6 months") {
    std::vector<std::string> slipped;
    for (const restaurant::Latency& row : restaurant::latency_numbers()) {
        if (restaurant::originals_slipped(row)) slipped.push_back(row.originals_text);
    }
    // 20'000 s is 5.56 h: the originals round it down to 5.5.
    CHECK(slipped == std::vector<std::string>{"5.5 hr", "7.8 months"});
}

TEST_CASE("human durations pick the unit at its boundary") {
    CHECK(restaurant::human_duration(119) == "119 s");
    CHECK(restaurant::human_duration(120) == "2 min");
    CHECK(restaurant::human_duration(restaurant::day) == "1 days");
    CHECK(restaurant::human_duration(2 * restaurant::week) == "2 weeks");
    CHECK(restaurant::human_duration(2 * restaurant::year) == "2 years");
    CHECK(restaurant::human_duration(1e10) == "316.9 years");
}

TEST_CASE("the latency section prints a header, 14 rows, a note per slip and its moral") {
    const std::vector<std::string> lines = run_section([](common::Context& ctx) { sections::latency(ctx); });
    REQUIRE(lines.size() == 1 + 14 + 2 + 1);
    CHECK(lines[13] ==
          "read 1 MB sequentially from disk                   20 ms    7.6 months  a (premature) baby is born");
    CHECK(lines[16] ==
          "note: the originals print 7.8 months for read 1 MB sequentially from disk, but 2e+07 s is 7.6 months.");
}
