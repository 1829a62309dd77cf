#include "course_test.hpp"
#include "section_fixture.hpp"

#include <fmt/format.h>

#include "greenlet.hpp"
#include "running_total.hpp"
#include "sections.hpp"
#include "steps.hpp"

using Lines = std::vector<std::string>;

TEST_CASE("the send section primes, sends 10 and 5, and ends with c = 15") {
    SectionFixture f;
    sections::send(f.ctx);
    CHECK(f.log.lines() == Lines{
                               "[  0.000s] gen = running_total(3)   # nothing of the body runs yet",
                               "[  0.000s] next(gen)                # primes it: runs the body to its first yield",
                               "[  0.000s] running_total: yield 0",
                               "[  0.000s]   -> 0",
                               "[  0.000s] gen.send(10)             # the paused yield evaluates to 10",
                               "[  0.000s] running_total: got 10, c = 10",
                               "[  0.000s] running_total: yield 1",
                               "[  0.000s]   -> 1",
                               "[  0.000s] gen.send(5)",
                               "[  0.000s] running_total: got 5, c = 15",
                               "[  0.000s] running_total: yield 2",
                               "[  0.000s]   -> 2",
                               "[  0.000s] next(gen)                # next() is send(None)",
                               "[  0.000s] running_total: got None, c = 15",
                               "[  0.000s] running_total: finished, c = 15",
                               "[  0.000s]   -> nullopt: the body returned c = 15 (Python: StopIteration(15))",
                           });
    CHECK(f.clock.now() == 0.0);
}

TEST_CASE("the priming section shows both send() errors with their messages") {
    CHECK(run_section(sections::priming) ==
          Lines{
              "[  0.000s] gen = running_total(1)",
              "[  0.000s] gen.send(10)",
              "[  0.000s]   SendError: can't send a value to a just-started generator",
              "[  0.000s]   (no yield has run yet, so nothing could receive 10: prime with next() first)",
              "[  0.000s] next(gen)",
              "[  0.000s] running_total: yield 0",
              "[  0.000s]   -> 0",
              "[  0.000s] gen.send(10)",
              "[  0.000s] running_total: got 10, c = 10",
              "[  0.000s] running_total: finished, c = 10",
              "[  0.000s]   -> nullopt: finished",
              "[  0.000s] gen.send(7)",
              "[  0.000s]   SendError: can't send a value to a finished generator",
              "[  0.000s] next(gen)",
              "[  0.000s]   -> nullopt (for next(), the end is not an error: it stays nullopt)",
          });
}

TEST_CASE("the pipeline section prints the two 404 lines, then the printer's close") {
    CHECK(run_section(sections::pipeline) ==
          Lines{
              "[  0.000s] sink = printer(); grep_404 = grep(\"404\", sink)",
              "[  0.000s] prime both: next(sink); next(grep_404)   # Python's @coroutine decorator does this",
              "[  0.000s] send_lines(access_log, grep_404)   # 5 lines in, each pushed down the chain",
              "[  0.000s] printer: GET /missing.png 404",
              "[  0.000s] printer: GET /old-page 404",
              "[  0.000s] printer: closed after 2 lines",
              "[  0.000s] done: the source pushed, each stage ran only when it was sent a line",
          });
}

TEST_CASE("the round_robin section interleaves A, B and C one step at a time") {
    CHECK(run_section(sections::round_robin) ==
          Lines{
              "[  0.000s] round_robin([steps(\"A\", 3), steps(\"B\", 2), steps(\"C\", 1)])",
              "[  0.000s] A: step 1 of 3",
              "[  0.000s] B: step 1 of 2",
              "[  0.000s] C: step 1 of 1",
              "[  0.000s] A: step 2 of 3",
              "[  0.000s] B: step 2 of 2",
              "[  0.000s] round_robin: C finished",
              "[  0.000s] A: step 3 of 3",
              "[  0.000s] round_robin: B finished",
              "[  0.000s] round_robin: A finished",
              "[  0.000s] all finished after 9 calls of next(): 6 steps, and one more per task to see it end",
          });
}

TEST_CASE("the greenlet_error section catches the body's exception from switch_to()") {
    CHECK(run_section(sections::greenlet_error) ==
          Lines{
              "[  0.000s] main: g = greenlet(bake)",
              "[  0.000s] main: g.switch()",
              "[  0.000s] bake: the oven is on fire, raising",
              "[  0.000s] main: caught from switch_to(): the oven is on fire",
              "[  0.000s] main: g.finished() = true",
              "[  0.000s] main: g.switch() again",
              "[  0.000s] main: logic_error: cannot switch to a finished greenlet",
          });
}

TEST_CASE("the memory section's table holds the real sizes, and every parked stack is unmapped") {
    const std::size_t object = sizeof(greenlet::Greenlet);
    const std::size_t generator = sizeof(coroutines::RunningTotal);
    CHECK(run_section(sections::memory) ==
          Lines{
              "what                                                    bytes",
              "greenlet: its stack (default_stack_size)                65536",
              fmt::format("greenlet: the Greenlet object (sizeof)               {:>8}", object),
              fmt::format("greenlet: total                                      {:>8}", 65536 + object),
              fmt::format("generator: RunningTotal (sizeof, chapter-01 style)   {:>8}", generator),
              fmt::format("generator: Steps (sizeof)                            {:>8}", sizeof(coroutines::Steps)),
              fmt::format("A greenlet costs {}x a hand-written generator: its stack must hold any call chain,",
                          (65536 + object) / generator),
              "while a generator's frame holds only the locals that live across a yield.",
              "[  0.000s] 1000 greenlets parked: 1000 stacks mapped, 62.5 MiB of stack",
              "[  0.000s] destroyed: 0 stacks mapped",
          });
}
