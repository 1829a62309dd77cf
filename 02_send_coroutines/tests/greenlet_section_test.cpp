#include "course_test.hpp"
#include "section_fixture.hpp"

#include "sections.hpp"

TEST_CASE("two greenlets that each sleep 2 s in all take 4 s: a switch does not wait") {
    SectionFixture f;
    sections::greenlet_switch(f.ctx);
    CHECK(f.clock.now() == 4.0);
    CHECK(f.log.lines() ==
          std::vector<std::string>{
              "[  0.000s] main: gr_a.switch()",
              "[  0.000s] task A: step 1, time.sleep(1)",
              "[  1.000s] task A: switch to task B",
              "[  1.000s] task B: step 1, time.sleep(1)",
              "[  2.000s] task B: switch to task A",
              "[  2.000s] task A: step 2, time.sleep(1)",
              "[  3.000s] task A: done, back to main (its parent)",
              "[  3.000s] main: task A finished; task B is still parked, so gr_b.switch()",
              "[  3.000s] task B: step 2, time.sleep(1)",
              "[  4.000s] task B: done, back to main (its parent)",
              "[  4.000s] main: both finished after 4 s, not 2 s: while one greenlet sleeps, none other runs",
              "A switch only picks who runs next. time.sleep() blocks the whole thread, so the four",
              "sleeps of 1 s happen one after another. Waiting together needs a loop that switches",
              "*instead of* sleeping: chapter 03 builds it.",
          });
}
