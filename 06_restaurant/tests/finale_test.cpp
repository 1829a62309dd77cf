// The finale: the three restaurants side by side, on virtual time.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include "sections.hpp"

TEST_CASE("the finale's table: 43.8 s, 23.6 s and 7.5 s, with the time the waiters stood blocked at the kitchen") {
    SectionFixture f;
    sections::finale(f.ctx);
    CHECK(
        f.log.lines() ==
        std::vector<std::string>{
            "sync restaurant: every order served in 43.8 s",
            "threads restaurant: every order served in 23.6 s",
            "async restaurant: every order served in 7.5 s",
            "",
            "version   waiters  threads    total  blocked    share",
            "sync            2        1   43.8 s   43.8 s    50.0%",
            "threads         2        2   23.6 s   43.8 s    92.8%",
            "async           1        1    7.5 s      0 s     0.0%",
            "",
            "blocked: time a waiter stands at the kitchen and can do nothing else; share: blocked / (waiters x total).",
            "The kitchen works the same 43.8 s in every version; what changes is how much of it overlaps.",
        });
}

TEST_CASE("the finale draws the three restaurants on one timeline, each from 0 s") {
    SectionFixture f;
    sections::finale(f.ctx);
    CHECK(drawn(f.timeline) == std::vector<std::string>{
                                   "sync Waiter 1: Order 0 0..8.5",
                                   "sync Waiter 1: Order 1 8.5..28.7",
                                   "sync Waiter 1: Order 2 28.7..32.3",
                                   "sync Waiter 1: Order 3 32.3..43.8",
                                   "sync Waiter 2: no order left @43.8",
                                   "threads Waiter 1: Order 0 0..8.5",
                                   "threads Waiter 1: Order 2 8.5..12.1",
                                   "threads Waiter 2: Order 1 0..20.2",
                                   "threads Waiter 1: Order 3 12.1..23.6",
                                   "async W1 order 0: Request order! @0",
                                   "async W1 order 1: Request order! @0",
                                   "async W1 order 2: Request order! @0",
                                   "async W1 order 3: Request order! @0",
                                   "async W1 order 2: Order 2 0..1.2",
                                   "async W1 order 0: Order 0 0..7.5",
                                   "async W1 order 1: Order 1 0..7.5",
                                   "async W1 order 3: Order 3 0..7.5",
                               });
}
