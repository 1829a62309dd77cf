// The lesson sections racing and settled, on virtual time: the exact lines at the exact times,
// which are also those of the same programs on asyncio (a virtual clock, Python 3.11).
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include "sections.hpp"

namespace {

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("racing: as_completed in finishing order, the first of wait(FIRST_COMPLETED), a wait that times out") {
    CHECK(run_section([](common::Context& ctx) { sections::racing(ctx); }) ==
          Lines{
              "[  0.000s] three mirrors, asked at once: eu answers in 3 s, us in 1 s, asia in 2 s",
              "[  0.000s] for coro in as_completed(mirrors): await coro",
              "[  1.000s]   us answered",
              "[  2.000s]   asia answered",
              "[  3.000s]   eu answered",
              "[  3.000s] done, pending = await wait(mirrors, return_when=FIRST_COMPLETED)",
              "[  4.000s]   done [us], 2 pending: wait cancels nothing, the caller does",
              "[  4.000s]   eu: cancelled",
              "[  4.000s]   asia: cancelled",
              "[  4.000s] done, pending = await wait(mirrors, timeout=1.5)",
              "[  5.500s]   done [us], 2 pending: still running, the caller may wait on",
              "[  7.000s]   every mirror has answered",
          });
}

TEST_CASE("settled: gather_settled returns every outcome at 3 s, the shielded save outlives its 1 s timeout") {
    CHECK(run_section([](common::Context& ctx) { sections::settled(ctx); }) ==
          Lines{
              "[  0.000s] await gather(fetch('a', 1 s), fetch('b', 2 s), fetch('c', 3 s), return_exceptions=True)",
              "[  2.000s]   b: raises ConnectionError",
              "[  3.000s]   -> 'a data', raised 'b: connection reset', 'c data': every outcome, nothing thrown",
              "[  3.000s] task = create_task(save(2 s)); await wait_for(shield(task), 1 s)",
              "[  4.000s]   -> TimeoutError; the shield was cancelled, the save was not (done() = false)",
              "[  5.000s]   save: written",
              "[  5.000s] await task -> 'saved'",
          });
}
