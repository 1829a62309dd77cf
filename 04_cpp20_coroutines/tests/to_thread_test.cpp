// aio::to_thread and the loop's executor: the outcome comes back on the loop's thread, a cancel
// ends the wait at once while the thread runs on, a closing loop waits for its workers, and on
// virtual time a job that sleeps on the loop's clock takes exactly the time it sleeps.
#include "course_test.hpp"

#include <atomic>
#include <fcntl.h>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "common/clock.hpp"
#include "common/clock_thread.hpp"

namespace {

using Lines = std::vector<std::string>;

// Lines written by the loop and by workers, stamped with the clock's time.
class SharedLines {
public:
    explicit SharedLines(const common::Clock& clock) : clock_(clock) {}
    void note(const std::string& text) {
        const std::lock_guard lock(mutex_);
        lines_.push_back(fmt::format("{:.2f}s {}", clock_.now(), text));
    }
    Lines lines() const {
        const std::lock_guard lock(mutex_);
        return lines_;
    }

private:
    const common::Clock& clock_;
    mutable std::mutex mutex_;
    Lines lines_;
};

// A blocking call: sleeps on the clock, as time.sleep() would on the loop's thread.
int nap(common::Clock* clock, double seconds, int answer) {
    clock->sleep_for(seconds);
    return answer;
}

aio::Coroutine<std::pair<int, bool>> add_on_a_worker() {
    const std::thread::id loop_thread = std::this_thread::get_id();
    std::thread::id worker_thread;
    const int sum = co_await aio::to_thread(
        [](int a, int b, std::thread::id* where) {
            *where = std::this_thread::get_id();
            return a + b;
        },
        2, 3, &worker_thread);
    co_return std::pair{sum, worker_thread != loop_thread && std::this_thread::get_id() == loop_thread};
}

}  // namespace

TEST_CASE("to_thread runs the call on another thread and resumes the task on the loop's thread") {
    CHECK(aio::run(add_on_a_worker()) == std::pair{5, true});  // real time: nothing waits on the clock
    CHECK(aio::run(add_on_a_worker(), {.virtual_time = true}) == std::pair{5, true});
}

namespace {

aio::Coroutine<std::string> failing_call() {
    try {
        co_await aio::to_thread([](std::string name) -> int { throw std::out_of_range("no blob named " + name); },
                                std::string("b7"));
        co_return "no exception";
    } catch (const std::out_of_range& error) {
        co_return fmt::format("out_of_range: {} at {}", error.what(), aio::time());
    }
}

aio::Coroutine<int> failing_with_a_non_exception() {
    try {
        co_await aio::to_thread([] { throw 42; });
    } catch (int value) {
        co_return value;
    }
    co_return 0;
}

}  // namespace

TEST_CASE("an exception thrown on the worker reaches the awaiting task with its type and message") {
    CHECK(aio::run(failing_call(), {.virtual_time = true}) == "out_of_range: no blob named b7 at 0");
    CHECK(aio::run(failing_with_a_non_exception(), {.virtual_time = true}) == 42);
}

namespace {

aio::Coroutine<int> move_only_both_ways() {
    auto boxed = std::make_unique<int>(20);
    std::unique_ptr<int> result = co_await aio::to_thread(
        [](std::unique_ptr<int> in) { return std::make_unique<int>(*in * 2 + 2); }, std::move(boxed));
    co_return *result;
}

}  // namespace

TEST_CASE("to_thread moves a move-only argument in and a move-only result out") {
    CHECK(aio::run(move_only_both_ways(), {.virtual_time = true}) == 42);
}

namespace {

aio::Coroutine<void> heartbeat(SharedLines& lines, double period) {
    for (int tick = 1;; ++tick) {
        co_await aio::sleep(period);
        lines.note(fmt::format("tick {}", tick));
    }
}

aio::Coroutine<void> sleep_on_a_worker_while_ticking(SharedLines& lines) {
    aio::Task<void> ticker = aio::create_task(heartbeat(lines, 0.25));
    const int answer = co_await aio::to_thread(nap, &aio::get_running_loop().clock(), 1.0, 7);
    lines.note(fmt::format("the job returned {}", answer));
    ticker.cancel();
    try {
        co_await ticker;
    } catch (const aio::CancelledError&) {}
}

aio::Coroutine<void> sleep_on_the_loop_while_ticking(SharedLines& lines) {
    aio::Task<void> ticker = aio::create_task(heartbeat(lines, 0.25));
    co_await aio::sleep(0);  // the ticker starts: its first tick is due at 0.25
    const int answer = nap(&aio::get_running_loop().clock(), 1.0, 7);  // the blocking mistake
    lines.note(fmt::format("the call returned {}", answer));
    co_await aio::sleep(0.3);
    ticker.cancel();
    try {
        co_await ticker;
    } catch (const aio::CancelledError&) {}
}

}  // namespace

TEST_CASE("a job sleeping 1 s on the loop's virtual clock lets a 0.25 s heartbeat tick on time") {
    common::VirtualClock clock;
    SharedLines lines(clock);
    aio::run(sleep_on_a_worker_while_ticking(lines), {.clock = &clock});
    CHECK(lines.lines() ==
          Lines{"0.25s tick 1", "0.50s tick 2", "0.75s tick 3", "1.00s tick 4", "1.00s the job returned 7"});
}

TEST_CASE("the same call made on the loop's thread stalls the heartbeat until it returns") {
    common::VirtualClock clock;
    SharedLines lines(clock);
    aio::run(sleep_on_the_loop_while_ticking(lines), {.clock = &clock});
    CHECK(lines.lines() == Lines{"1.00s the call returned 7", "1.00s tick 1", "1.25s tick 2"});
}

namespace {

// Counts the results alive: a result dropped after a cancel must still be freed.
struct Result {
    explicit Result(std::atomic<int>& alive) : alive_(&alive) { ++*alive_; }
    Result(Result&& other) noexcept : alive_(other.alive_) { ++*alive_; }
    Result(const Result&) = delete;
    Result& operator=(const Result&) = delete;
    Result& operator=(Result&&) = delete;
    ~Result() { --*alive_; }
    std::atomic<int>* alive_;
};

Result slow_result(common::Clock* clock, std::atomic<int>* alive, SharedLines* lines) {
    lines->note("job starts");
    clock->sleep_for(2.0);
    lines->note("job ends");
    return Result(*alive);
}

aio::Coroutine<void> wait_for_slow_result(SharedLines& lines, std::atomic<int>& alive) {
    try {
        const Result result = co_await aio::to_thread(slow_result, &aio::get_running_loop().clock(), &alive, &lines);
        lines.note("task got the result");
    } catch (const aio::CancelledError&) {
        lines.note("task cancelled");
        throw;
    }
}

aio::Coroutine<void> cancel_while_the_job_runs(SharedLines& lines, std::atomic<int>& alive) {
    aio::Task<void> task = aio::create_task(wait_for_slow_result(lines, alive));
    co_await aio::sleep(0.5);
    task.cancel();
    try {
        co_await task;
    } catch (const aio::CancelledError&) {
        lines.note(fmt::format("main sees cancelled() == {}", task.cancelled()));
    }
    co_await aio::sleep(2.0);
    lines.note(fmt::format("main: {} results alive", alive.load()));
}

}  // namespace

TEST_CASE("cancelling a task in to_thread raises CancelledError at once, the job runs on and its result is dropped") {
    common::VirtualClock clock;
    SharedLines lines(clock);
    std::atomic<int> alive{0};
    aio::run(cancel_while_the_job_runs(lines, alive), {.clock = &clock});
    CHECK(lines.lines() == Lines{"0.00s job starts", "0.50s task cancelled", "0.50s main sees cancelled() == true",
                                 "2.00s job ends", "2.50s main: 0 results alive"});
    CHECK(alive == 0);
}

namespace {

// Logs the end of the frame it lives in.
class FrameEnd {
public:
    explicit FrameEnd(SharedLines& lines) : lines_(lines) {}
    FrameEnd(const FrameEnd&) = delete;
    FrameEnd& operator=(const FrameEnd&) = delete;
    ~FrameEnd() { lines_.note("the task's frame is destroyed"); }

private:
    SharedLines& lines_;
};

void noted_nap(common::Clock* clock, double seconds, SharedLines* lines) {
    lines->note("job starts");
    clock->sleep_for(seconds);
    lines->note("job ends");
}

aio::Coroutine<void> wait_for_job(SharedLines& lines) {
    const FrameEnd end(lines);
    co_await aio::to_thread(noted_nap, &aio::get_running_loop().clock(), 5.0, &lines);
    lines.note("the task got the result");
}

// Leaves a task waiting for a 5 s job behind, held by the loop alone.
aio::Coroutine<void> start_a_job_and_leave(SharedLines& lines) {
    const aio::Task<void> task = aio::create_task(wait_for_job(lines));
    co_await aio::sleep(1.0);
}

// The story of a loop that goes (destroyed, or closed first) while its task waits for a 5 s job.
Lines leave_a_job_running(bool close_first) {
    common::VirtualClock clock;
    SharedLines lines(clock);
    {
        // This thread counts on the clock, as a loop's thread does while it runs: time stands
        // still while it notes, and moves on while it waits for the workers.
        const common::ClockPresence presence(clock);
        aio::EventLoop loop({.clock = &clock});
        loop.run_until_complete(start_a_job_and_leave(lines));
        lines.note("the loop goes");
        if (close_first) {
            loop.close();
            lines.note("closed");
        }
    }
    lines.note("the loop is gone");
    return lines.lines();
}

}  // namespace

TEST_CASE("a loop destroyed while a job runs frees the task's frame, then waits for the job") {
    CHECK(leave_a_job_running(false) == Lines{"0.00s job starts", "1.00s the loop goes",
                                              "1.00s the task's frame is destroyed", "5.00s job ends",
                                              "5.00s the loop is gone"});
}

TEST_CASE("close() while a job runs frees the task's frame, then waits for the job") {
    CHECK(leave_a_job_running(true) == Lines{"0.00s job starts", "1.00s the loop goes",
                                             "1.00s the task's frame is destroyed", "5.00s job ends", "5.00s closed",
                                             "5.00s the loop is gone"});
}

TEST_CASE("the executor of a closed loop refuses work") {
    aio::EventLoop loop({.virtual_time = true});
    loop.close();
    CHECK_THROWS_WITH_AS(loop.executor(), "executor: the event loop is closed", std::logic_error);
}

namespace {

long long square(int n) { return static_cast<long long>(n) * n; }

aio::Coroutine<std::string> many_calls(int n) {
    std::vector<aio::Coroutine<long long>> calls;
    calls.reserve(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i) calls.push_back(aio::to_thread(square, i));
    const std::vector<long long> squares = co_await aio::gather(std::move(calls));
    long long sum = 0;
    bool in_order = true;
    for (int i = 0; i < n; ++i) {
        sum += squares[static_cast<std::size_t>(i)];
        in_order = in_order && squares[static_cast<std::size_t>(i)] == square(i);
    }
    const std::size_t workers = aio::get_running_loop().executor().workers();
    co_return fmt::format("sum {}, in order {}, at {}, at most {} workers: {}", sum, in_order, aio::time(),
                          aio::detail::ThreadPool::default_max_workers(),
                          workers >= 1 && workers <= aio::detail::ThreadPool::default_max_workers());
}

}  // namespace

TEST_CASE("10000 to_thread calls at once all return, in gather's order, on a few workers, in no virtual time") {
    CHECK(aio::run(many_calls(10'000), {.virtual_time = true}) ==
          fmt::format("sum 333283335000, in order true, at 0, at most {} workers: true",
                      aio::detail::ThreadPool::default_max_workers()));
}

namespace {

aio::Coroutine<std::string> one_after_another() {
    for (int i = 0; i < 5; ++i) co_await aio::to_thread(nap, &aio::get_running_loop().clock(), 1.0, i);
    co_return fmt::format("done at {} on {} worker", aio::time(), aio::get_running_loop().executor().workers());
}

aio::Coroutine<std::string> more_jobs_than_workers(int jobs) {
    std::vector<aio::Coroutine<int>> calls;
    for (int i = 0; i < jobs; ++i) calls.push_back(aio::to_thread(nap, &aio::get_running_loop().clock(), 1.0, i));
    co_await aio::gather(std::move(calls));
    co_return fmt::format("done at {} on {} workers", aio::time(), aio::get_running_loop().executor().workers());
}

}  // namespace

TEST_CASE("workers start on demand: calls one after another reuse one worker") {
    CHECK(aio::run(one_after_another(), {.virtual_time = true}) == "done at 5 on 1 worker");
}

TEST_CASE("jobs beyond the pool's size wait for a free worker, and virtual time moves on without them") {
    const std::size_t size = aio::detail::ThreadPool::default_max_workers();
    CHECK(aio::run(more_jobs_than_workers(static_cast<int>(2 * size + 1)), {.virtual_time = true}) ==
          fmt::format("done at 3 on {} workers", size));
}

namespace {

aio::Coroutine<std::string> time_out_a_job() {
    try {
        co_await aio::wait_for(aio::to_thread(nap, &aio::get_running_loop().clock(), 2.0, 1), 0.5);
        co_return "in time";
    } catch (const aio::TimeoutError&) {
        co_return fmt::format("TimeoutError at {}", aio::time());
    }
}

}  // namespace

TEST_CASE("wait_for gives up on a to_thread call at its deadline, while the thread runs on") {
    common::VirtualClock clock;
    CHECK(aio::run(time_out_a_job(), {.clock = &clock}) == "TimeoutError at 0.5");
    CHECK(clock.now() == 2.0);  // aio::run's loop waited for its worker before it went
}

TEST_CASE("call_soon_threadsafe from a plain thread wakes a loop that waits with nothing to do") {
    aio::EventLoop loop;  // real time and no timer: the loop blocks until another thread wakes it
    std::thread poster;
    loop.call_soon(
        [&loop, &poster] { poster = std::thread([&loop] { loop.call_soon_threadsafe([&loop] { loop.stop(); }); }); });
    loop.run_forever();
    poster.join();
    CHECK(loop.iterations() == 2);
}

namespace {

void mark(std::atomic<bool>* ran) { *ran = true; }

aio::Coroutine<std::string> lazy_call() {
    std::atomic<bool> ran{false};
    aio::Coroutine<void> call = aio::to_thread(mark, &ran);
    co_await aio::sleep(1.0);
    const bool before = ran;
    co_await std::move(call);
    co_return fmt::format("ran before the await: {}, after: {}", before, ran.load());
}

std::string loop_on_worker() {
    try {
        static_cast<void>(aio::get_running_loop());
        return "a loop";
    } catch (const std::logic_error& error) {
        return error.what();
    }
}

aio::Coroutine<std::string> ask_for_the_loop_on_a_worker() { co_return co_await aio::to_thread(loop_on_worker); }

}  // namespace

TEST_CASE("to_thread is lazy like any coroutine: the call starts when it is awaited") {
    CHECK(aio::run(lazy_call(), {.virtual_time = true}) == "ran before the await: false, after: true");
}

TEST_CASE("a worker thread has no running loop: the job must be handed what it needs") {
    CHECK(aio::run(ask_for_the_loop_on_a_worker(), {.virtual_time = true}) ==
          "get_running_loop: no running event loop");
}

namespace {

// Sleeps 1 s on the clock, then makes the pipe readable: the loop meanwhile waits for I/O only.
void nap_then_write(common::Clock* clock, int fd) {
    clock->sleep_for(1.0);
    const char byte = 'x';
    REQUIRE(::write(fd, &byte, 1) == 1);
}

aio::Coroutine<double> read_a_byte(int fd) {
    co_await aio::wait_readable(fd);
    char byte = 0;
    REQUIRE(::read(fd, &byte, 1) == 1);
    co_return aio::time();
}

aio::Coroutine<std::string> job_wakes_a_reader(int read_fd, int write_fd) {
    aio::Task<double> reader = aio::create_task(read_a_byte(read_fd));
    co_await aio::to_thread(nap_then_write, &aio::get_running_loop().clock(), write_fd);
    const double read_at = co_await reader;
    co_return fmt::format("job done at {}, byte read at {}", aio::time(), read_at);
}

}  // namespace

TEST_CASE("a loop waiting in epoll for I/O only lets a job's sleep move virtual time") {
    int fds[2] = {-1, -1};
    REQUIRE(::pipe2(fds, O_NONBLOCK | O_CLOEXEC) == 0);
    CHECK(aio::run(job_wakes_a_reader(fds[0], fds[1]), {.virtual_time = true}) == "job done at 1, byte read at 1");
    ::close(fds[0]);
    ::close(fds[1]);
}
