#include "course_test.hpp"

#include "countdown.hpp"

TEST_CASE("countdown(3) yields 3, 2, 1 and then ends") {
    exercises::Countdown gen(3);
    CHECK(gen.next() == 3);
    CHECK(gen.next() == 2);
    CHECK(gen.next() == 1);
    CHECK(gen.next() == std::nullopt);
}

TEST_CASE("an exhausted countdown stays exhausted") {
    exercises::Countdown gen(1);
    CHECK(gen.next() == 1);
    CHECK(gen.next() == std::nullopt);
    CHECK(gen.next() == std::nullopt);
}

TEST_CASE("countdown(0) and countdown(-2) yield nothing") {
    exercises::Countdown zero(0);
    CHECK(zero.next() == std::nullopt);
    exercises::Countdown negative(-2);
    CHECK(negative.next() == std::nullopt);
}

TEST_CASE("two countdowns keep separate frames") {
    exercises::Countdown a(2);
    exercises::Countdown b(5);
    CHECK(a.next() == 2);
    CHECK(b.next() == 5);
    CHECK(a.next() == 1);
    CHECK(b.next() == 4);
}
