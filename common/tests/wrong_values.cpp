// Checks that fail on purpose, one per type the exercises return: CTest runs this program and
// wants both sides of every comparison in its output (wrong_values.expected), never "{?}".
#include "course_test.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

TEST_CASE("a wrong optional") { CHECK(std::optional<int>{3} == std::optional<int>{4}); }
TEST_CASE("a value where nullopt was wanted") { CHECK(std::optional<int>{0} == std::nullopt); }
TEST_CASE("a wrong empty optional") { CHECK(std::optional<std::string>{} == std::optional<std::string>{"x"}); }
TEST_CASE("a wrong pair") { CHECK(std::pair<int, std::string>{1, "a"} == std::pair<int, std::string>{1, "b"}); }
TEST_CASE("a wrong vector of ints") { CHECK(std::vector<int>{1, 2} == std::vector<int>{1, 3}); }
TEST_CASE("a wrong vector of doubles") { CHECK(std::vector<double>{0.5} == std::vector<double>{0.25}); }
TEST_CASE("a wrong vector of pairs") {
    CHECK(std::vector<std::pair<int, int>>{{1, 2}} == std::vector<std::pair<int, int>>{{2, 1}});
}
