#include "course_test.hpp"

#include "common/duration.hpp"

TEST_CASE("durations read in the unit a person would use") {
    using common::format_duration;
    CHECK(format_duration(0) == "0 s");
    CHECK(format_duration(0.25) == "250 ms");
    CHECK(format_duration(1.5) == "1.5 s");
    CHECK(format_duration(3) == "3 s");
    CHECK(format_duration(90) == "1.5 min");
    CHECK(format_duration(3600) == "1 h");
    CHECK(format_duration(12 * 3600) == "12 h");
    CHECK(format_duration(3655) == "1:00:55");  // one way to write it, the way a clock does
    CHECK(format_duration(-3655) == "-1:00:55");
    CHECK(format_duration(5.5 * 3600) == "5:30:00");
    CHECK(format_duration(4.4e-9) == "4.4 ns");
    CHECK(format_duration(2.5e-5) == "25 us");
}
