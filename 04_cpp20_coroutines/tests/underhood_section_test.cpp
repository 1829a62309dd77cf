// Section "underhood" on virtual time: the loop's counters at each step of a reader and a
// writer on a pipe, exactly: which turn each step runs in, the timers pending, the fds
// watched, the system calls made so far.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include "open_fds.hpp"
#include "sections.hpp"

namespace {

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("underhood: the reader wakes one turn after each write, reads until EAGAIN, and stops at EOF") {
    const std::size_t fds_before = course_test::open_fds();
    CHECK(run_section([](common::Context& ctx) { sections::underhood(ctx); }) ==
          Lines{
              "one turn of EventLoop::run_once(), as asyncio's _run_once:",
              "  1. wait, unless a callback is ready:",
              "       fds watched: epoll_wait(timeout): 0 if a callback is ready, else until the earliest",
              "                    timer of the heap, else forever (virtual time: epoll_wait(0), and if no",
              "                    fd is ready, the clock jumps to the earliest timer)",
              "       no fd:       sleep until the earliest timer, as chapter 03's loop does",
              "     the tasks whose fds epoll reports join the ready queue",
              "  2. the timers that are due join the ready queue, behind what is there",
              "  3. run the callbacks that are ready now; what they schedule waits for the next turn",
              "a reader task waits on a pipe; a writer task writes 'ping' at 0.5 s, 'pong' at 1 s, then closes it",
              "           turn timers fds syscalls  what happens",
              "[  0.000s]    1      0   1        4  reader: IoWatch(pipe): epoll_ctl(ADD), once for the pipe's life",
              "[  0.000s]    1      0   1        4  reader: co_await readable(): back to the loop",
              "[  0.000s]    1      0   1        4  writer: sleep(0.5)",
              "[  0.500s]    2      0   1        6  writer: write('ping')",
              "[  0.500s]    2      0   1        6  writer: sleep(0.5)",
              "[  0.500s]    3      1   1        7  reader: resumed: epoll_wait said the pipe is readable",
              "[  0.500s]    3      1   1        8  reader: read() = 'ping'",
              "[  0.500s]    3      1   1        9  reader: read() = EAGAIN: drained",
              "[  0.500s]    3      1   1        9  reader: co_await readable(): back to the loop",
              "[  1.000s]    4      0   1       11  writer: write('pong')",
              "[  1.000s]    4      0   1       12  writer: close()",
              "[  1.000s]    5      0   1       13  reader: resumed: epoll_wait said the pipe is readable",
              "[  1.000s]    5      0   1       14  reader: read() = 'pong'",
              "[  1.000s]    5      0   1       15  reader: read() = 0 bytes: EOF",
              "[  1.000s] main: gather returned, in turn 6; 16 system calls in all (the reader's IoWatch is gone: "
              "epoll_ctl(DEL))",
          });
    CHECK(course_test::open_fds() == fds_before);
}
