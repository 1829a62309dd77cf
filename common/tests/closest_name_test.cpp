#include "course_test.hpp"

#include "common/closest_name.hpp"

TEST_CASE("edit distance counts the fewest insertions, deletions and substitutions") {
    using common::edit_distance;
    CHECK(edit_distance("", "") == 0);
    CHECK(edit_distance("", "abc") == 3);
    CHECK(edit_distance("kitten", "sitting") == 3);
    CHECK(edit_distance("timer_hep", "timer_heap") == 1);
    CHECK(edit_distance("hub", "hub") == 0);
}

TEST_CASE("the closest name wins, and the first of equals") {
    const std::vector<std::string> names{"hub", "hub_unpatched", "polling", "pipeline"};
    CHECK(common::closest_name("hub_unpatch", names) == "hub_unpatched");
    CHECK(common::closest_name("pollin", names) == "polling");
    CHECK(common::closest_name("pub", names) == "hub");
    CHECK(common::closest_name("x", {}).empty());
}
