#include "course_test.hpp"

#include "averager.hpp"

TEST_CASE("the averager yields 0 when primed, then the average of everything sent so far") {
    exercises::Averager averager;
    CHECK(averager.next() == 0.0);
    CHECK(averager.send(10) == 10.0);
    CHECK(averager.send(30) == 20.0);
    CHECK(averager.send(5) == 15.0);
    CHECK(averager.count() == 3);
}

TEST_CASE("next() after priming adds nothing: it yields the same average again") {
    exercises::Averager averager;
    averager.next();
    CHECK(averager.send(4) == 4.0);
    CHECK(averager.next() == 4.0);
    CHECK(averager.count() == 1);
    CHECK(averager.send(8) == 6.0);
}

TEST_CASE("an unprimed averager refuses a value, and works once primed") {
    exercises::Averager averager;
    CHECK_THROWS_WITH_AS(averager.send(10), "can't send a value to a just-started generator", coroutines::SendError);
    CHECK(averager.next() == 0.0);
    CHECK(averager.send(10) == 10.0);
}

TEST_CASE("two averagers keep separate frames") {
    exercises::Averager a;
    exercises::Averager b;
    a.next();
    b.next();
    CHECK(a.send(1) == 1.0);
    CHECK(b.send(100) == 100.0);
    CHECK(a.send(3) == 2.0);
    CHECK(b.count() == 1);
}

TEST_CASE("averages need not be whole numbers: 1 then 2 average 1.5, then 2 and 5 make 2.5") {
    exercises::Averager averager;
    averager.next();
    CHECK(averager.send(1) == 1.0);
    CHECK(averager.send(2) == 1.5);
    CHECK(averager.send(2) == 5.0 / 3.0);
    CHECK(averager.send(5) == 2.5);
    CHECK(averager.send(0.5) == 2.1);
}
