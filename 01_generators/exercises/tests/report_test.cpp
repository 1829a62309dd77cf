#include "course_test.hpp"

#include <optional>
#include <string>
#include <vector>

#include "report.hpp"

TEST_CASE("report yields the title, each row, the count, then nullopt for ever") {
    exercises::Report report("Menu", {"tea", "cake"});
    CHECK(report.next() == "Menu");
    CHECK(report.next() == "- tea");
    CHECK(report.next() == "- cake");
    CHECK(report.next() == "(2 rows)");
    CHECK(report.next() == std::nullopt);
    CHECK(report.next() == std::nullopt);
}

TEST_CASE("a report without rows still has its title and its count") {
    exercises::Report report("Empty", {});
    CHECK(report.next() == "Empty");
    CHECK(report.next() == "(0 rows)");
    CHECK(report.next() == std::nullopt);
}

TEST_CASE("count is the body's local: it grows only when the loop resumes past a row") {
    exercises::Report report("T", {"a", "b", "c"});
    CHECK(report.next() == "T");
    CHECK(report.count() == 0);
    CHECK(report.next() == "- a");
    CHECK(report.count() == 0);  // `count += 1` runs after the yield, on the next call
    CHECK(report.next() == "- b");
    CHECK(report.count() == 1);
    CHECK(report.next() == "- c");
    CHECK(report.next() == "(3 rows)");
    CHECK(report.count() == 3);
}

TEST_CASE("two reports keep separate frames") {
    exercises::Report a("A", {"x"});
    exercises::Report b("B", {"y", "z"});
    CHECK(a.next() == "A");
    CHECK(b.next() == "B");
    CHECK(b.next() == "- y");
    CHECK(a.next() == "- x");
    CHECK(a.next() == "(1 rows)");
    CHECK(b.next() == "- z");
    CHECK(b.next() == "(2 rows)");
}
