#include "course_test.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace {
template <class T>
std::string shown(const T& value) {
    return doctest::toString(value).c_str();
}
}  // namespace

TEST_CASE("a failed check shows optionals, pairs and vectors of numbers, not {?}") {
    CHECK(shown(std::optional<int>{3}) == "optional(3)");
    CHECK(shown(std::optional<int>{}) == "nullopt");
    CHECK(shown(std::nullopt) == "nullopt");
    CHECK(shown(std::optional<std::string>{"ab"}) == "optional(\"ab\")");
    CHECK(shown(std::pair<int, std::string>{1, "one"}) == "(1, \"one\")");
    CHECK(shown(std::vector<int>{1, -2}) == "{\n    1\n    -2\n}");
    CHECK(shown(std::vector<double>{0.1, 2.5}) == "{\n    0.1\n    2.5\n}");
    CHECK(shown(std::vector<std::uint64_t>{18446744073709551615u}) == "{\n    18446744073709551615\n}");
    CHECK(shown(std::vector<std::optional<int>>{1, std::nullopt}) == "{\n    optional(1)\n    nullopt\n}");
    CHECK(shown(std::vector<std::pair<int, char>>{{1, 'a'}}) == "{\n    (1, 'a')\n}");
    CHECK(shown(std::vector<std::string>{}) == "{}");
    CHECK(shown(std::vector<bool>{true}) == "{\n    true\n}");
}
