#include "course_test.hpp"

#include <chrono>
#include <limits>
#include <mutex>

#include "common/clock.hpp"

using common::VirtualClock;

TEST_CASE("the virtual clock starts at 0 and a lone sleeper jumps straight to its deadline") {
    VirtualClock clock;
    CHECK(clock.now() == 0.0);
    clock.sleep_for(3.0);
    CHECK(clock.now() == 3.0);
    clock.sleep_until(10.5);
    CHECK(clock.now() == 10.5);
}

TEST_CASE("sleeping until a time already past returns without moving the virtual clock") {
    VirtualClock clock;
    clock.sleep_for(5.0);
    clock.sleep_until(1.0);
    CHECK(clock.now() == 5.0);
    clock.sleep_for(0.0);
    CHECK(clock.now() == 5.0);
}

TEST_CASE("a virtual ClockCondition with no notifier times out at its exact deadline") {
    VirtualClock clock;
    common::ClockCondition condition(clock);
    std::mutex mutex;
    std::unique_lock lock(mutex);
    const bool satisfied = condition.wait_until(lock, 2.5, [] { return false; });
    CHECK_FALSE(satisfied);
    CHECK(clock.now() == 2.5);
    CHECK(lock.owns_lock());
}

TEST_CASE("waiting forever on a virtual clock with nobody to wake you is reported, not a hang") {
    VirtualClock clock;
    common::ClockCondition condition(clock);
    std::mutex mutex;
    std::unique_lock lock(mutex);
    CHECK_THROWS_AS(condition.wait(lock, [] { return false; }), std::logic_error);
}

TEST_CASE("make_clock builds the clock the flags ask for") {
    CHECK(common::make_clock(true, 1.0)->is_virtual());
    CHECK_FALSE(common::make_clock(false, 1.0)->is_virtual());
    CHECK(common::make_clock(false, 60.0)->speed() == 60.0);
    CHECK_THROWS_AS(common::ScaledClock(0.0), std::invalid_argument);
    CHECK_THROWS_AS(common::ScaledClock(-2.0), std::invalid_argument);
}

TEST_CASE("a scaled clock runs story time faster than the wall") {
    // No wall-clock assertion: only that a short story sleep ends at or after its story deadline.
    common::ScaledClock clock(1000.0);
    clock.sleep_for(0.5);  // 0.5 ms of real time
    CHECK(clock.now() >= 0.5);
}

TEST_CASE("paced by real time, a sleep still ends at its exact story deadline") {
    VirtualClock clock(1000.0);  // 0.75 story seconds take 0.75 ms of real time
    clock.sleep_for(0.25);
    CHECK(clock.now() == 0.25);
    clock.sleep_for(0.5);
    CHECK(clock.now() == 0.75);
    clock.sleep_until(0.1);
    CHECK(clock.now() == 0.75);
}

TEST_CASE("a paced clock is not instant: it reports its speed, and real time decides when a busy loop may tick") {
    const VirtualClock paced(1.0);
    CHECK_FALSE(paced.is_virtual());
    CHECK(paced.speed() == 1.0);
    CHECK(paced.real_time_reached(0.0));
    CHECK_FALSE(paced.real_time_reached(1e9));    // a story time 31 years away has not come yet
    CHECK_FALSE(paced.real_time_reached(1e300));  // clamped to a representable real time, not overflowed
    const VirtualClock instant;
    CHECK(instant.is_virtual());
    CHECK(instant.real_time_reached(1e9));
    CHECK_THROWS_AS(VirtualClock(0.0), std::invalid_argument);
}

TEST_CASE("a lesson's story clock is virtual time, paced unless --virtual") {
    CHECK(common::make_story_clock(true, 1.0)->is_virtual());
    const auto paced = common::make_story_clock(false, 60.0);
    CHECK_FALSE(paced->is_virtual());
    CHECK(paced->speed() == 60.0);
    CHECK(paced->now() == 0.0);
}

TEST_CASE("a huge deadline on a real clock converts without overflow: 1e10 s, DBL_MAX and infinity are decades away") {
    const common::RealClock clock;
    const auto in_30_years = std::chrono::steady_clock::now() + std::chrono::hours(24 * 365 * 30);
    for (const double deadline : {1e10, std::numeric_limits<double>::max(), common::forever}) {
        CAPTURE(deadline);
        CHECK(clock.real_deadline(deadline) > in_30_years);
    }
    CHECK(clock.real_deadline(1e10) <= clock.real_deadline(common::forever));
    CHECK(clock.real_deadline(-1e300) <= std::chrono::steady_clock::now());
}
