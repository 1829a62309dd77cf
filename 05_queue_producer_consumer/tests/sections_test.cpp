// The lesson's sections 2 to 5, line by line on virtual time: the stories the README tells.
#include "course_test.hpp"

#include <string>
#include <vector>

#include "section_fixture.hpp"
#include "sections.hpp"

using Lines = std::vector<std::string>;

TEST_CASE("stopping: without a signal the consumer waits for ever, and join+cancel, sentinels and shutdown() end it") {
    CHECK(run_section(sections::stopping) ==
          Lines{"1. No stop signal: the consumer waits for ever",
                "[  1.000s]   producer: put 1",
                "[  1.500s]   consumer: handled 1",
                "[  2.000s]   producer: put 2",
                "[  2.500s]   consumer: handled 2",
                "[  3.000s]   producer: put 3",
                "[  3.000s]   producer: done",
                "[  3.500s]   consumer: handled 3",
                "[ 13.000s]   main: 10 s later the consumer still waits in get(): nobody told it to stop",
                "[ 13.000s]   over after 13 s",
                "2. join() then cancel(): asyncq's way",
                "[ 14.000s]   producer: put 1",
                "[ 14.500s]   consumer 1: handled 1",
                "[ 15.000s]   producer: put 2",
                "[ 15.500s]   consumer 2: handled 2",
                "[ 16.000s]   producer: put 3",
                "[ 16.000s]   producer: done",
                "[ 16.500s]   consumer 1: handled 3",
                "[ 16.500s]   main: join() returned: every item handled; cancelling the idle consumers",
                "[ 16.500s]   over after 3.5 s",
                "3. A sentinel per consumer",
                "[ 17.500s]   producer: put 1",
                "[ 18.000s]   consumer 1: handled 1",
                "[ 18.500s]   producer: put 2",
                "[ 19.000s]   consumer 2: handled 2",
                "[ 19.500s]   producer: put 3",
                "[ 19.500s]   producer: done; one sentinel per consumer (so it must know how many there are)",
                "[ 19.500s]   consumer 2: got the sentinel, stopping",
                "[ 20.000s]   consumer 1: handled 3",
                "[ 20.000s]   consumer 1: got the sentinel, stopping",
                "[ 20.000s]   over after 3.5 s",
                "4. shutdown(): the queue itself says it is over",
                "[ 21.000s]   producer: put 1",
                "[ 21.500s]   consumer 1: handled 1",
                "[ 22.000s]   producer: put 2",
                "[ 22.500s]   consumer 2: handled 2",
                "[ 23.000s]   producer: put 3",
                "[ 23.000s]   producer: done",
                "[ 23.000s]   main: shutdown(): no more puts; the consumers finish what is queued",
                "[ 23.000s]   consumer 2: QueueShutDown: the queue is empty and shut down, stopping",
                "[ 23.500s]   consumer 1: handled 3",
                "[ 23.500s]   consumer 1: QueueShutDown: the queue is empty and shut down, stopping",
                "[ 23.500s]   over after 3.5 s"});
}

TEST_CASE("backpressure: maxsize 10 caps the items alive at 12 and slows the producer, not the consumer") {
    CHECK(run_section(sections::backpressure) ==
          Lines{"Queue(maxsize=0): 40 items of 64 KiB, made every 0.1 s, handled in 0.5 s each",
                "[  2.000s]    2 s  qsize 15 ###############",
                "[  4.000s]    4 s  qsize 31 ###############################",
                "[  6.000s]    6 s  qsize 28 ############################",
                "[  8.000s]    8 s  qsize 24 ########################",
                "[ 10.000s]   10 s  qsize 20 ####################",
                "[ 12.000s]   12 s  qsize 16 ################",
                "[ 14.000s]   14 s  qsize 12 ############",
                "[ 16.000s]   16 s  qsize  8 ########",
                "[ 18.000s]   18 s  qsize  4 ####",
                "[ 20.000s]   20 s  qsize  0 ",
                "  the producer was done after 4.0 s, the consumer after 20.1 s",
                "  peak memory held by items: 2112 KiB (33 items)",
                "Queue(maxsize=10): 40 items of 64 KiB, made every 0.1 s, handled in 0.5 s each",
                "[ 24.000s]    2 s  qsize 10 ##########",
                "[ 26.000s]    4 s  qsize 10 ##########",
                "[ 28.000s]    6 s  qsize 10 ##########",
                "[ 30.000s]    8 s  qsize 10 ##########",
                "[ 32.000s]   10 s  qsize 10 ##########",
                "[ 34.000s]   12 s  qsize 10 ##########",
                "[ 36.000s]   14 s  qsize 10 ##########",
                "[ 38.000s]   16 s  qsize  8 ########",
                "[ 40.000s]   18 s  qsize  4 ####",
                "[ 42.000s]   20 s  qsize  0 ",
                "  the producer was done after 14.6 s, the consumer after 20.1 s",
                "  peak memory held by items: 768 KiB (12 items)",
                "The bound costs the consumer nothing (it finishes at the same time) and caps the memory:",
                "a full queue makes put() wait, so the producer slows down to the consumer's pace."});
}

TEST_CASE("pipeline: the busiest stage sets the pace, and a second parser moves the bottleneck to fetch") {
    CHECK(run_section(sections::pipeline) ==
          Lines{"12 pages through fetch (3 workers, 1 s a page) -> parse (1 worker, 0.6 s) -> store (2, 0.3 s)",
                "[  8.500s]   all 12 pages stored after 8.5 s",
                "  fetch  3 worker(s), 3.0 pages/s at most, busy  47% of the time",
                "  parse  1 worker(s), 1.7 pages/s at most, busy  85% of the time",
                "  store  2 worker(s), 6.7 pages/s at most, busy  21% of the time",
                "  the busiest stage, parse, is the bottleneck: it sets the pace, the others wait for it",
                "12 pages through fetch (3 workers, 1 s a page) -> parse (2 workers, 0.6 s) -> store (2, 0.3 s)",
                "[ 14.000s]   all 12 pages stored after 5.5 s",
                "  fetch  3 worker(s), 3.0 pages/s at most, busy  73% of the time",
                "  parse  2 worker(s), 3.3 pages/s at most, busy  65% of the time",
                "  store  2 worker(s), 6.7 pages/s at most, busy  33% of the time",
                "  the busiest stage, fetch, is the bottleneck: it sets the pace, the others wait for it"});
}

TEST_CASE("lock: read-await-write loses updates without a Lock, and keeps them all with one") {
    CHECK(run_section(sections::lock) ==
          Lines{"Without a lock: three tasks deposit 10, 20 and 30 into 100", "[  0.000s]   A reads 100",
                "[  0.000s]   B reads 100", "[  0.000s]   C reads 100", "[  0.100s]   A writes 100 + 10 = 110",
                "[  0.100s]   B writes 100 + 20 = 120", "[  0.100s]   C writes 100 + 30 = 130",
                "  balance 130 instead of 160: A's and B's deposits were overwritten (a lost update)",
                "With aio::Lock around read-await-write:", "[  0.100s]   A reads 100",
                "[  0.200s]   A writes 100 + 10 = 110", "[  0.200s]   B reads 110",
                "[  0.300s]   B writes 110 + 20 = 130", "[  0.300s]   C reads 130",
                "[  0.400s]   C writes 130 + 30 = 160",
                "  balance 160, in 0.3 s instead of 0.1 s: the critical sections ran one after another"});
}

TEST_CASE("event: set() starts every waiting runner in the same loop turn") {
    CHECK(run_section(sections::event) ==
          Lines{"Four runners wait for one Event, the starting gun:", "[  1.000s]   starter: set() (turn 2)",
                "[  1.000s]   runner 1 starts (loop turn 3)", "[  1.000s]   runner 2 starts (loop turn 3)",
                "[  1.000s]   runner 3 starts (loop turn 3)", "[  1.000s]   runner 4 starts (loop turn 3)",
                "[  3.000s]   every runner is home; the event is still set: true"});
}

TEST_CASE("semaphore: eight downloads, never more than three at once") {
    CHECK(run_section(sections::semaphore) ==
          Lines{"Eight downloads, at most 3 at a time (aio::Semaphore(3)):",
                "[  0.000s]   download 1 starts (1 running)", "[  0.000s]   download 2 starts (2 running)",
                "[  0.000s]   download 3 starts (3 running)", "[  1.000s]   download 4 starts (3 running)",
                "[  1.500s]   download 5 starts (3 running)", "[  2.000s]   download 6 starts (3 running)",
                "[  2.500s]   download 7 starts (3 running)", "[  3.000s]   download 8 starts (3 running)",
                "  all done after 5.0 s; never more than 3 at once (--timeline shows 3 lanes)"});
}

TEST_CASE(
    "condition: a cook waits for room on a shelf of 2, and a double release shows as a third connection, or throws") {
    CHECK(run_section(sections::condition) ==
          Lines{
              "A Condition: a cook fills a shelf of 2 plates, two waiters empty it",
              "[  0.500s]   cook: plate 1 on the shelf (1 there)",
              "[  0.500s]   waiter 1: takes plate 1",
              "[  1.000s]   cook: plate 2 on the shelf (1 there)",
              "[  1.000s]   waiter 2: takes plate 2",
              "[  1.500s]   cook: plate 3 on the shelf (1 there)",
              "[  2.000s]   cook: plate 4 on the shelf (2 there)",
              "[  2.500s]   cook: plate 5 is ready, the shelf is full",
              "[  2.750s]   waiter 1: takes plate 3",
              "[  2.750s]   cook: plate 5 on the shelf (2 there)",
              "[  3.250s]   waiter 2: takes plate 4",
              "[  3.250s]   cook: plate 6 on the shelf (2 there)",
              "[  5.000s]   waiter 1: takes plate 5",
              "[  5.500s]   waiter 2: takes plate 6",
              "A Semaphore(2) as a pool of two connections; task 1 gives its connection back twice:",
              "[  7.750s]   task 1 connected (1 at once)",
              "[  7.750s]   task 2 connected (2 at once)",
              "[  9.750s]   task 3 connected (1 at once)",
              "[  9.750s]   task 4 connected (2 at once)",
              "[  9.750s]   task 5 connected (3 at once)",
              "  3 connections at once from a pool of 2: the extra release() made a third, silently",
              "The same with a BoundedSemaphore(2):",
              "[ 10.750s]   task 1 connected (1 at once)",
              "[ 10.750s]   task 2 connected (2 at once)",
              "[ 12.750s]   task 1's second release() throws: BoundedSemaphore released too many times (asyncio: "
              "ValueError)",
          });
}

TEST_CASE(
    "failing: a consumer that throws before task_done() leaves join() waiting, and a destructor and a catch fix it") {
    CHECK(run_section(sections::failing) ==
          Lines{
              "A consumer that fails between get() and task_done(); three items, item 2 is bad:",
              "[  1.000s]   handled 1",
              "[ 10.000s]   join() still waits after 10 s: 1 item(s) never taken, the consumer is gone",
              "[ 10.000s]   the consumer had died of: item 2 is bad",
              "The fix: task_done() in a destructor (Python: finally), and the error caught:",
              "[ 11.000s]   handled 1",
              "[ 12.000s]   failed: item 2 is bad",
              "[ 13.000s]   handled 3",
              "[ 13.000s]   join() returned: every item is done",
          });
}
