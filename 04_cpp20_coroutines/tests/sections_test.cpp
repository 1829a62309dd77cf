// Every lesson section of parts 3-7, run on virtual time: the exact lines at the exact times.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <cstddef>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "sections.hpp"

namespace {

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("hello world: the second line comes 2 s after the first, and in the docs' version 1 s") {
    CHECK(run_section([](common::Context& ctx) { sections::hello(ctx); }) == Lines{
                                                                                 "[  0.000s] Hello ...",
                                                                                 "[  2.000s] ... World!",
                                                                                 "[  2.000s] hello",
                                                                                 "[  3.000s] world",
                                                                             });
}

TEST_CASE("two tasks sleeping 1 s twice each take 2 s together, not 4 s") {
    CHECK(run_section([](common::Context& ctx) { sections::sleepers(ctx); }) ==
          Lines{
              "[  0.000s] Task A: step 1, sleeping 1 s",
              "[  0.000s] Task B: step 1, sleeping 1 s",
              "[  1.000s] Task A: step 2, sleeping 1 s",
              "[  1.000s] Task B: step 2, sleeping 1 s",
              "[  2.000s] Task A: done",
              "[  2.000s] Task B: done",
              "[  2.000s] both done after 2 s: each slept 2 s, at the same time (not 4 s)",
          });
}

TEST_CASE("three count()s print One x3 then Two x3 after 1 s under gather, and take 3 s one after the other") {
    CHECK(run_section([](common::Context& ctx) { sections::count(ctx); }) ==
          Lines{
              "[  0.000s] await asyncio.gather(count(), count(), count())",
              "[  0.000s] One",
              "[  0.000s] One",
              "[  0.000s] One",
              "[  1.000s] Two",
              "[  1.000s] Two",
              "[  1.000s] Two",
              "[  1.000s] gather: 1 s for three counts",
              "[  1.000s] await count(); await count(); await count()",
              "[  1.000s] One",
              "[  2.000s] Two",
              "[  2.000s] One",
              "[  3.000s] Two",
              "[  3.000s] One",
              "[  4.000s] Two",
              "[  4.000s] one after the other: 3 s",
          });
}

// The expected lines are what tests/python/rand.py and chained.py print on a virtual-time asyncio
// loop (python3 tests/python/virtual_asyncio.py rand.py): the same draws, order and times.
TEST_CASE("makerandom with seed 444 prints what Python's rand.py prints: the same draws, order and times") {
    CHECK(run_section([](common::Context& ctx) { sections::makerandom(ctx, 444); }) ==
          Lines{
              "[  0.000s] Initiated makerandom(0).",
              "[  0.000s] makerandom(0) == 4 too low; retrying.",
              "[  0.000s] Initiated makerandom(1).",
              "[  0.000s] makerandom(1) == 4 too low; retrying.",
              "[  0.000s] Initiated makerandom(2).",
              "[  0.000s] makerandom(2) == 0 too low; retrying.",
              "[  1.000s] makerandom(0) == 4 too low; retrying.",
              "[  2.000s] makerandom(1) == 7 too low; retrying.",
              "[  2.000s] makerandom(0) == 4 too low; retrying.",
              "[  3.000s] makerandom(2) == 4 too low; retrying.",
              "[  3.000s] makerandom(0) == 8 too low; retrying.",
              "[  4.000s] ---> Finished: makerandom(1) == 10",
              "[  4.000s] makerandom(0) == 7 too low; retrying.",
              "[  5.000s] makerandom(0) == 8 too low; retrying.",
              "[  6.000s] makerandom(2) == 4 too low; retrying.",
              "[  6.000s] makerandom(0) == 7 too low; retrying.",
              "[  7.000s] makerandom(0) == 1 too low; retrying.",
              "[  8.000s] makerandom(0) == 6 too low; retrying.",
              "[  9.000s] ---> Finished: makerandom(2) == 9",
              "[  9.000s] makerandom(0) == 3 too low; retrying.",
              "[ 10.000s] makerandom(0) == 9 too low; retrying.",
              "[ 11.000s] makerandom(0) == 7 too low; retrying.",
              "[ 12.000s] ---> Finished: makerandom(0) == 10",
              "",
              "[ 12.000s] r1: 10, r2: 10, r3: 9",
          });
}

TEST_CASE("chain 1 2 3 with seed 444 prints what Python's chained.py prints") {
    CHECK(run_section([](common::Context& ctx) {
              sections::chain(ctx, 444, {1, 2, 3});
          }) == Lines{
                    "[  0.000s] part1(1) sleeping for 4 seconds.",
                    "[  0.000s] part1(2) sleeping for 4 seconds.",
                    "[  0.000s] part1(3) sleeping for 0 seconds.",
                    "[  0.000s] Returning part1(3) == result3-1.",
                    "[  0.000s] part2(3, 'result3-1') sleeping for 4 seconds.",
                    "[  4.000s] Returning part1(1) == result1-1.",
                    "[  4.000s] part2(1, 'result1-1') sleeping for 7 seconds.",
                    "[  4.000s] Returning part1(2) == result2-1.",
                    "[  4.000s] part2(2, 'result2-1') sleeping for 4 seconds.",
                    "[  4.000s] Returning part2(3, 'result3-1') == result3-2 derived from result3-1.",
                    "[  4.000s] -->Chained result3 => result3-2 derived from result3-1 (took 4.00 seconds).",
                    "[  8.000s] Returning part2(2, 'result2-1') == result2-2 derived from result2-1.",
                    "[  8.000s] -->Chained result2 => result2-2 derived from result2-1 (took 8.00 seconds).",
                    "[ 11.000s] Returning part2(1, 'result1-1') == result1-2 derived from result1-1.",
                    "[ 11.000s] -->Chained result1 => result1-2 derived from result1-1 (took 11.00 seconds).",
                    "[ 11.000s] Program finished in 11.00 seconds.",
                });
}

TEST_CASE("chain 9 6 3 with seed 7 prints what SEED=7 chained.py 9 6 3 prints") {
    CHECK(run_section([](common::Context& ctx) {
              sections::chain(ctx, 7, {9, 6, 3});
          }) == Lines{
                    "[  0.000s] part1(9) sleeping for 5 seconds.",
                    "[  0.000s] part1(6) sleeping for 2 seconds.",
                    "[  0.000s] part1(3) sleeping for 6 seconds.",
                    "[  2.000s] Returning part1(6) == result6-1.",
                    "[  2.000s] part2(6, 'result6-1') sleeping for 10 seconds.",
                    "[  5.000s] Returning part1(9) == result9-1.",
                    "[  5.000s] part2(9, 'result9-1') sleeping for 0 seconds.",
                    "[  5.000s] Returning part2(9, 'result9-1') == result9-2 derived from result9-1.",
                    "[  5.000s] -->Chained result9 => result9-2 derived from result9-1 (took 5.00 seconds).",
                    "[  6.000s] Returning part1(3) == result3-1.",
                    "[  6.000s] part2(3, 'result3-1') sleeping for 1 seconds.",
                    "[  7.000s] Returning part2(3, 'result3-1') == result3-2 derived from result3-1.",
                    "[  7.000s] -->Chained result3 => result3-2 derived from result3-1 (took 7.00 seconds).",
                    "[ 12.000s] Returning part2(6, 'result6-1') == result6-2 derived from result6-1.",
                    "[ 12.000s] -->Chained result6 => result6-2 derived from result6-1 (took 12.00 seconds).",
                    "[ 12.000s] Program finished in 12.00 seconds.",
                });
}

TEST_CASE("chain's arguments are whole numbers as chained.py reads them, 1 2 3 when none are given") {
    CHECK(sections::chain_arguments({}) == std::vector<int>{1, 2, 3});
    CHECK(sections::chain_arguments({"9", "6", "3"}) == std::vector<int>{9, 6, 3});
    CHECK(sections::chain_arguments({"-4"}) == std::vector<int>{-4});
    CHECK_THROWS_WITH_AS(sections::chain_arguments({"x"}), "chain: 'x' is not a whole number", common::UsageError);
    CHECK_THROWS_WITH_AS(sections::chain_arguments({"3000000000"}), "chain: '3000000000' is out of range",
                         common::UsageError);
}

TEST_CASE("two reads take 3 s awaited in turn and 2 s as tasks") {
    CHECK(run_section([](common::Context& ctx) { sections::readers(ctx); }) ==
          Lines{
              "[  0.000s] await read(a, 1 s); await read(b, 2 s)   # one after the other",
              "[  0.000s]   start reading file a (1 s)",
              "[  1.000s]   finished reading file a",
              "[  1.000s]   start reading file b (2 s)",
              "[  3.000s]   finished reading file b",
              "[  3.000s] sequential: 3 s",
              "[  3.000s] a = create_task(read(a, 1 s)); b = create_task(read(b, 2 s)); await a; await b",
              "[  3.000s]   start reading file c (1 s)",
              "[  3.000s]   start reading file d (2 s)",
              "[  4.000s]   finished reading file c",
              "[  5.000s]   finished reading file d",
              "[  5.000s] with create_task: 2 s",
          });
}

TEST_CASE("awaiting a 2 s task before sleep(1) takes 3 s, after it 2 s") {
    CHECK(run_section([](common::Context& ctx) { sections::fun(ctx); }) ==
          Lines{
              "[  0.000s]   background: sleeps 2 s",
              "[  2.000s]   background: done",
              "[  2.000s]   main: sleeps 1 s",
              "[  3.000s] await the task, then sleep(1): 3 s",
              "[  3.000s]   main: sleeps 1 s",
              "[  3.000s]   background: sleeps 2 s",
              "[  5.000s]   background: done",
              "[  5.000s] sleep(1), then await the task: 2 s",
          });
}

TEST_CASE("a Future set by another task after 1 s resumes its awaiter at exactly 1 s") {
    CHECK(run_section([](common::Context& ctx) { sections::future(ctx); }) ==
          Lines{
              "[  0.000s] hello ...   (future.done() = false)",
              "[  1.000s] set_after: future.set_result('... world')",
              "[  1.000s] ... world   (awaited the future)",
          });
}

TEST_CASE("the loop section: FIFO callbacks, timers in deadline then insertion order, stop, sleep(0) turns") {
    CHECK(run_section([](common::Context& ctx) { sections::loop(ctx); }) ==
          Lines{
              "[  0.000s] call_later(2, B); call_later(1, A); call_soon(first); call_soon(second); call_later(2, C)",
              "[  0.000s] run_forever()",
              "[  0.000s]   iteration 0: call_soon: first",
              "[  0.000s]   iteration 0: call_soon: second, which calls call_soon(third)",
              "[  0.000s]   iteration 1: third: what a callback schedules runs at the next turn",
              "[  1.000s]   iteration 2: timer A (1 s)",
              "[  2.000s]   iteration 3: timer B (2 s)",
              "[  2.000s]   iteration 3: timer C (2 s, set after B, so it fires after B)",
              "[  3.000s]   iteration 4: timer at 3 s calls stop()",
              "[  3.000s] run_forever() returned: is_running() = false, time() = 3.000",
              "[  3.000s] run_until_complete(): two tasks take turns with sleep(0)",
              "[  3.000s]   ping in iteration 6",
              "[  3.000s]   pong in iteration 6",
              "[  3.000s]   ping in iteration 7",
              "[  3.000s]   pong in iteration 7",
              "[  3.000s]   ping in iteration 8",
              "[  3.000s]   pong in iteration 8",
              "[  3.000s] close(): is_closed() = true",
          });
}

TEST_CASE(
    "the tasks section: create_task starts at the next turn, gather keeps argument order and waits for every child") {
    CHECK(run_section([](common::Context& ctx) { sections::tasks(ctx); }) ==
          Lines{
              "[  0.000s] task = create_task(compute('a', 1 s))",
              "[  0.000s]   nothing ran yet: the task waits in the ready queue (done() = false)",
              "[  0.000s] await sleep(0): the loop turns once, and the task starts",
              "[  0.000s]   a: starts, will take 1 s",
              "[  1.000s]   a: returns 1",
              "[  1.000s] await task -> 1",
              "[  1.000s] auto [x, y] = await gather(compute('x', 1 s), compute('y', 2 s))",
              "[  1.000s]   x: starts, will take 1 s",
              "[  1.000s]   y: starts, will take 2 s",
              "[  2.000s]   x: returns 10",
              "[  3.000s]   y: returns 20",
              "[  3.000s]   -> 10 and 20, after the slower one",
              "[  3.000s] await gather(vector of 3 coroutines): results in the order given, not the order finished",
              "[  3.000s]   v0: starts, will take 3 s",
              "[  3.000s]   v1: starts, will take 2 s",
              "[  3.000s]   v2: starts, will take 1 s",
              "[  4.000s]   v2: returns 200",
              "[  5.000s]   v1: returns 100",
              "[  6.000s]   v0: returns 0",
              "[  6.000s]   -> [0, 100, 200]",
              "[  6.000s] await gather(compute('ok', 2 s), fail_after('bad', 1 s))",
              "[  6.000s]   ok: starts, will take 2 s",
              "[  7.000s]   bad: raises ValueError",
              "[  8.000s]   ok: returns 7",
              "[  8.000s]   -> raised 'bad failed', once every child had finished (no orphan left running)",
          });
}

TEST_CASE(
    "the cancel section: CancelledError arrives where the worker sleeps, at 2.5 s, and RAII closes the connection") {
    CHECK(run_section([](common::Context& ctx) { sections::cancel(ctx); }) ==
          Lines{
              "[  0.000s]   worker: connection opened",
              "[  1.000s]   worker: step 1 done",
              "[  2.000s]   worker: step 2 done",
              "[  2.500s] main: task.cancel() -> true",
              "[  2.500s] main: the task has not stopped yet (done() = false): it will at the next turn",
              "[  2.500s]   worker: CancelledError raised where it waited (in sleep); re-raising",
              "[  2.500s]   worker: ~Connection(): connection closed (RAII)",
              "[  2.500s] main: awaiting it raises CancelledError; cancelled() = true",
          });
}

TEST_CASE("the timeout section: the fast fetch returns at 1 s, the slow one is cancelled at exactly the 2 s deadline") {
    CHECK(run_section([](common::Context& ctx) { sections::timeout(ctx); }) ==
          Lines{
              "[  0.000s] await wait_for(fetch('fast', 1 s), 2 s)",
              "[  0.000s]   fast: fetching, takes 1 s",
              "[  1.000s]   -> 'fast data', in time",
              "[  1.000s] await wait_for(fetch('slow', 5 s), 2 s)",
              "[  1.000s]   slow: fetching, takes 5 s",
              "[  3.000s]   slow: cancelled by wait_for",
              "[  3.000s]   -> TimeoutError: the deadline passed; the slow fetch was cancelled and has stopped",
          });
}

TEST_CASE("a blocking sleep serialises two tasks: 6 s instead of 3 s") {
    CHECK(run_section([](common::Context& ctx) { sections::blocking(ctx); }) ==
          Lines{
              "[  0.000s] two tasks, three 1 s steps each, with await sleep(1):",
              "[  0.000s]   A (await sleep): step 1",
              "[  0.000s]   B (await sleep): step 1",
              "[  1.000s]   A (await sleep): step 2",
              "[  1.000s]   B (await sleep): step 2",
              "[  2.000s]   A (await sleep): step 3",
              "[  2.000s]   B (await sleep): step 3",
              "[  3.000s]   both done in 3 s",
              "[  3.000s] the same with a blocking sleep (time.sleep(1)) inside the coroutine:",
              "[  3.000s]   C (blocking): step 1",
              "[  4.000s]   D (blocking): step 1",
              "[  5.000s]   C (blocking): step 2",
              "[  6.000s]   D (blocking): step 2",
              "[  7.000s]   C (blocking): step 3",
              "[  8.000s]   D (blocking): step 3",
              "[  9.000s]   both done in 6 s: the steps ran one at a time, the loop was stuck",
          });
}

TEST_CASE("blocking's timeline: the blocking steps are 1 s spans end to end, the awaiting ones overlap") {
    SectionFixture f;
    sections::blocking(f.ctx);
    CHECK(drawn(f.timeline) == Lines{
                                   "A (await sleep): step 1 0..1",
                                   "B (await sleep): step 1 0..1",
                                   "A (await sleep): step 2 1..2",
                                   "B (await sleep): step 2 1..2",
                                   "A (await sleep): step 3 2..3",
                                   "B (await sleep): step 3 2..3",
                                   "C (blocking): step 1 3..4",
                                   "D (blocking): step 1 4..5",
                                   "C (blocking): step 2 5..6",
                                   "D (blocking): step 2 6..7",
                                   "C (blocking): step 3 7..8",
                                   "D (blocking): step 3 8..9",
                               });
}

namespace {

// The bytes a stack measure prints depend on the compiler and the build; the verdict must follow
// from them. Returns the bytes of a line "<prefix><bytes> bytes deeper than main...<suffix>".
std::size_t bytes_in(const std::string& line, const std::string& prefix, const std::string& suffix) {
    REQUIRE(line.rfind(prefix, 0) == 0);
    REQUIRE(line.size() >= suffix.size());
    CHECK(line.substr(line.size() - suffix.size()) == suffix);
    return std::stoul(line.substr(prefix.size()));
}

}  // namespace

TEST_CASE("the coroutine section: the child runs inline, the aio chain keeps a flat stack, 1M awaits complete") {
    const Lines lines = run_section([](common::Context& ctx) { sections::coroutine(ctx); });
    REQUIRE(lines.size() == 10);
    CHECK(Lines(lines.begin(), lines.begin() + 6) ==
          Lines{
              "[  0.000s] main: auto c = child();   // lazy: nothing of child runs yet",
              "[  0.000s] main: co_await std::move(c), in loop iteration 0",
              "[  0.000s]   child: starts, in loop iteration 0",
              "[  1.000s]   child: slept 1 s, returns 42",
              "[  1.000s] main: got 42: the child ran inside main, in the same iteration: no trip through the loop",
              "[  1.000s] a chain of 10'000 co_awaits, each level awaiting the next:",
          });
    CHECK(bytes_in(lines[6], "[  1.000s]   aio::Coroutine: the deepest level runs ", ": flat (under 4 KB)") < 4096);
    const std::size_t nested = bytes_in(lines[7], "[  1.000s]   resumed from inside await_suspend, only 1'000 deep: ",
                                        "per level: it grows with every level");
    CHECK(nested >= 1'000 * sizeof(void*));
    CHECK(lines[7].find(fmt::format(" {} per level", nested / 1'000)) != std::string::npos);
    CHECK(lines[8] == "[  1.000s] 1'000'000 co_awaits of a coroutine that finishes at once:");
    CHECK(bytes_in(lines[9], "[  1.000s]   sum = 1000000; the deepest of them ran ", ": flat (under 4 KB)") < 4096);
}

TEST_CASE("the same seed tells the same makerandom story, another seed another one") {
    const Lines first = run_section([](common::Context& ctx) { sections::makerandom(ctx, 7); });
    const Lines again = run_section([](common::Context& ctx) { sections::makerandom(ctx, 7); });
    const Lines other = run_section([](common::Context& ctx) { sections::makerandom(ctx, 8); });
    CHECK(first == again);
    CHECK(first != other);
}

TEST_CASE("1000 tasks sleeping 1 s at once finish after exactly 1 s") {
    const Lines lines = run_section([](common::Context& ctx) { sections::scale(ctx, 1000); });
    REQUIRE(lines.size() == 2);
    CHECK(lines[0] == "[  1.000s] 1000 tasks, each sleeping 1 s, all done after 1 s");
}

TEST_CASE("the propagate section: a cancel reaches the awaited task first, and no catch of std::exception stops it") {
    CHECK(run_section([](common::Context& ctx) { sections::propagate(ctx); }) ==
          Lines{
              "[  1.000s] main: reader.cancel() while the reader awaits the fetcher",
              "[  1.000s]   fetch: CancelledError where it sleeps: the cancel reached the awaited task",
              "[  1.000s]   reader: CancelledError from co_await fetcher, once the fetcher has stopped",
              "[  1.000s] main: reader.cancelled() = true, fetcher.cancelled() = true",
              "[  1.000s] main: cancel a task whose sleep sits in try { } catch (const std::exception&) { }",
              "[  2.000s] main: the catch did not swallow it: cancelled() = true",
          });
}

TEST_CASE("the leftovers section: run reports what nobody retrieved, cancels what main left, refuses to nest") {
    CHECK(run_section([](common::Context& ctx) { sections::leftovers(ctx); }) ==
          Lines{
              "[  0.000s] main: create_task(poller()) and create_task(failing()), and await neither",
              "[  1.000s]   exception handler: Task exception was never retrieved: ValueError: nobody looks at me",
              "[  2.500s] main: aio::run inside main: aio::run cannot be called from a running event loop (asyncio: "
              "RuntimeError)",
              "[  2.500s] main: returns",
              "[  2.500s]   poller: CancelledError: run cancels what main left behind, and waits for it",
              "[  2.500s]   exception handler: Task was destroyed but it is pending",
              "[  2.500s] aio::run returned: every frame is gone",
          });
}
