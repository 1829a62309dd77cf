#include "course_test.hpp"
#include "section_fixture.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include "greenlet.hpp"
#include "greenlet_stack.hpp"
#include "mycoro.hpp"
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
              "[  0.000s] prime both: next(sink); next(grep_404)   # Beazley's @coroutine decorator does this",
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

TEST_CASE("mycoro adds up what it is sent: 35 after 10, 20 and 5, then 36.5 after a float") {
    CHECK(
        run_section(sections::mycoro) ==
        Lines{
            "[  0.000s] coro = mycoro(); next(coro)   # primes it: runs to the first yield, which hands out the total",
            "[  0.000s]   -> 0",
            "[  0.000s] coro.send(10) -> 10",
            "[  0.000s] coro.send(20) -> 30",
            "[  0.000s] coro.send(5) -> 35",
            "[  0.000s] coro.send(1.5) -> 36.5",
            "[  0.000s] the total is a double from the start: Python's turns from int to float at 1.5",
        });
}

TEST_CASE("mycoro refuses a value before it is primed, like every send generator") {
    coroutines::MyCoro coro;
    CHECK_THROWS_AS(coro.send(1.0), coroutines::SendError);
    CHECK(coro.next() == 0.0);
    CHECK(coro.send(2.5) == 2.5);
    CHECK(coro.next() == 2.5);  // next() sends None: nothing is added
}

TEST_CASE("the memory section's table holds the real sizes, says what is reserved, and unmaps every stack") {
    const std::size_t object = sizeof(greenlet::Greenlet);
    const std::size_t generator = sizeof(coroutines::RunningTotal);
    const std::size_t base = sizeof(coroutines::SendGenerator<int, int>);
    const std::size_t guard = greenlet::Stack::guard_size();
    CHECK(guard == static_cast<std::size_t>(sysconf(_SC_PAGESIZE)));
    CHECK(run_section(sections::memory) ==
          Lines{
              "what                                                          bytes",
              "greenlet: its stack, reserved (default_stack_size)            65536",
              fmt::format("greenlet: its guard page below the stack, never readable     {:>6}", guard),
              fmt::format("greenlet: the Greenlet object (sizeof)                       {:>6}", object),
              fmt::format("greenlet: total reserved                                     {:>6}", 65536 + guard + object),
              fmt::format("generator: RunningTotal (sizeof)                             {:>6}", generator),
              fmt::format("  send()'s bookkeeping: vtable pointer, 3 flags (its base)   {:>6}", base),
              fmt::format("  the frame: count, c, i, resume point, log pointer          {:>6}", generator - base),
              fmt::format("generator: Steps (sizeof)                                    {:>6}",
                          sizeof(coroutines::Steps)),
              fmt::format("Reserved, this greenlet is {}x a RunningTotal: its own stack must hold any call chain,",
                          (65536 + guard + object) / generator),
              "while a generator's frame holds only the locals that live across a yield.",
              "[  0.000s] 1000 greenlets parked: 1000 stacks mapped, 62.5 MiB of stack reserved",
              "[  0.000s] resident memory they use: measured in real time only (run this section without --virtual)",
              "[  0.000s] destroyed: 0 stacks mapped",
              "Reserved is not used: the kernel gives a stack page real memory only when it is first",
              "touched, and a parked greenlet has touched only the top of its stack. The reservation",
              "still counts: a stack cannot grow, so its size is picked up front for the deepest call.",
          });
}

TEST_CASE("in real time the memory section measures a parked greenlet: more than nothing, less than reserved") {
    common::RealClock clock;
    common::Log log = common::Log::capturing(clock);
    common::Timeline timeline;
    common::Context ctx{clock, log, timeline};
    sections::memory(ctx);
    const Lines lines = log.lines();
    const std::string prefix = "resident memory grew by about ";
    std::size_t per_greenlet = 0;
    int found = 0;
    for (const std::string& line : lines) {
        const std::size_t at = line.find(prefix);
        if (at == std::string::npos) continue;
        ++found;
        per_greenlet = std::stoul(line.substr(at + prefix.size()));
    }
    REQUIRE(found == 1);
    CHECK(per_greenlet > 0);  // each parked greenlet touched the top of its stack
#ifndef COURSE_TSAN
    // ThreadSanitizer keeps state of its own for every fiber (about 850 KB each here), and RSS
    // counts it: there the bound does not hold, and the measurement says so honestly.
    CHECK(per_greenlet < greenlet::Greenlet::default_stack_size + sizeof(greenlet::Greenlet));
#endif
}

TEST_CASE("send's and mycoro's timelines: each call is the caller's turn, each run of the body the body's") {
    SectionFixture f;
    sections::send(f.ctx);
    CHECK(drawn(f.timeline) == Lines{
                                   "caller: next 0..1",
                                   "running_total: 0 1..2",
                                   "caller: send 2..3",
                                   "running_total: 1 3..4",
                                   "caller: send 4..5",
                                   "running_total: 2 5..6",
                                   "caller: next 6..7",
                                   "running_total: end 7..8",
                               });
    SectionFixture g;
    sections::mycoro(g.ctx);
    CHECK(drawn(g.timeline) == Lines{
                                   "caller: next 0..1",
                                   "mycoro: 0 1..2",
                                   "caller: send 2..3",
                                   "mycoro: 10 3..4",
                                   "caller: send 4..5",
                                   "mycoro: 30 5..6",
                                   "caller: send 6..7",
                                   "mycoro: 35 7..8",
                                   "caller: send 8..9",
                                   "mycoro: 36.5 9..10",
                               });
}

TEST_CASE("priming's timeline: a refused send() and a next() on a finished generator give the body no turn") {
    SectionFixture f;
    sections::priming(f.ctx);
    CHECK(drawn(f.timeline) == Lines{
                                   "caller: send 0..1",
                                   "caller: next 1..2",
                                   "running_total: 0 2..3",
                                   "caller: send 3..4",
                                   "running_total: end 4..5",
                                   "caller: send 5..6",
                                   "caller: next 6..7",
                               });
}

TEST_CASE("the pipeline's timeline: each line is pushed source -> grep, and only the 404s reach the printer") {
    SectionFixture f;
    sections::pipeline(f.ctx);
    CHECK(drawn(f.timeline) == Lines{
                                   "source: 1 0..1",
                                   "grep: 1 1..2",
                                   "source: 2 2..3",
                                   "grep: 2 3..4",
                                   "printer: 2 4..5",
                                   "source: 3 5..6",
                                   "grep: 3 6..7",
                                   "source: 4 7..8",
                                   "grep: 4 8..9",
                                   "printer: 4 9..10",
                                   "source: 5 10..11",
                                   "grep: 5 11..12",
                                   "source: end 12..13",
                                   "grep: end 13..14",
                                   "printer: end 14..15",
                               });
}

TEST_CASE("round_robin's timeline: one turn per next(), in the lane of the task it ran") {
    SectionFixture f;
    sections::round_robin(f.ctx);
    CHECK(drawn(f.timeline) == Lines{
                                   "A: step 0..1",
                                   "B: step 1..2",
                                   "C: step 2..3",
                                   "A: step 3..4",
                                   "B: step 4..5",
                                   "C: end 5..6",
                                   "A: step 6..7",
                                   "B: end 7..8",
                                   "A: end 8..9",
                               });
}

TEST_CASE("greenlet_error's timeline: main, then bake on its own stack, then main again") {
    SectionFixture f;
    sections::greenlet_error(f.ctx);
    CHECK(drawn(f.timeline) ==
          Lines{"main: switch 0..1", "bake: raise 1..2", "main: catch 2..3", "main: refused 3..4"});
}
