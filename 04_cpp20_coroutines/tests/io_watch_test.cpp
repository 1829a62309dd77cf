// The loop's I/O: an fd watched by epoll wakes the task that waits on it, a cancelled or timed
// out wait leaves nothing registered, virtual time still jumps while I/O is pending, another
// thread's call_soon_threadsafe wakes a loop blocked in epoll_wait, and a watch awaited from
// another loop (or after its loop is gone) is refused. Pipes stand in for sockets.
#include "course_test.hpp"

#include <cerrno>
#include <fcntl.h>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/io_watch.hpp"
#include "open_fds.hpp"

namespace {

// A non-blocking pipe, closed by its destructor.
class Pipe {
public:
    Pipe() {
        if (pipe2(fds_, O_NONBLOCK | O_CLOEXEC) != 0) throw std::runtime_error("pipe2 failed");
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    ~Pipe() {
        ::close(fds_[0]);
        ::close(fds_[1]);
    }
    [[nodiscard]] int read_end() const { return fds_[0]; }
    [[nodiscard]] int write_end() const { return fds_[1]; }
    void put(const std::string& text) const {
        REQUIRE(::write(fds_[1], text.data(), text.size()) == static_cast<ssize_t>(text.size()));
    }
    void close_write_end() {
        ::close(fds_[1]);
        fds_[1] = ::open("/dev/null", O_WRONLY | O_CLOEXEC);  // keeps the destructor simple
    }

private:
    int fds_[2]{};
};

// Reads what the pipe holds, waiting for it the edge-triggered way: read until EAGAIN.
aio::Coroutine<std::string> read_some(aio::IoWatch& watch) {
    char buffer[64];
    while (true) {
        if (!watch.may_read()) co_await watch.readable();
        const ssize_t n = ::read(watch.fd(), buffer, sizeof buffer);
        if (n < 0 && errno == EAGAIN) {
            watch.read_would_block();
            continue;
        }
        if (n <= 0) co_return std::string{};
        if (static_cast<std::size_t>(n) < sizeof buffer) watch.read_would_block();
        co_return std::string(buffer, static_cast<std::size_t>(n));
    }
}

aio::Coroutine<std::string> read_after_watching(int fd, std::vector<double>& times) {
    aio::IoWatch watch(fd);
    std::string text = co_await read_some(watch);
    times.push_back(aio::time());
    co_return text;
}

aio::Coroutine<void> write_later(const Pipe& pipe, double delay, std::string text) {
    co_await aio::sleep(delay);
    pipe.put(text);
}

aio::Coroutine<std::string> reader_and_writer(const Pipe& pipe, std::vector<double>& times) {
    aio::Task<std::string> reader = aio::create_task(read_after_watching(pipe.read_end(), times));
    co_await write_later(pipe, 5.0, "hello");
    co_return co_await reader;
}

aio::Coroutine<void> wait_readable_then_note(int fd, std::vector<double>& times) {
    co_await aio::wait_readable(fd);
    times.push_back(aio::time());
}

aio::Coroutine<std::size_t> cancel_a_read(int fd, std::vector<double>& times) {
    aio::Task<void> reader = aio::create_task(wait_readable_then_note(fd, times));
    co_await aio::sleep(1.0);
    const std::size_t waiting = aio::get_running_loop().pending_io();
    reader.cancel();
    try {
        co_await reader;
    } catch (const aio::CancelledError&) {}
    co_return waiting * 10 + aio::get_running_loop().pending_io();
}

aio::Coroutine<void> timed_out_read(int fd, std::vector<double>& times) {
    aio::IoWatch watch(fd);
    try {
        (void)co_await aio::wait_for(read_some(watch), 2.5);
    } catch (const aio::TimeoutError&) {
        times.push_back(aio::time());
    }
    times.push_back(static_cast<double>(aio::get_running_loop().pending_io()));
}

aio::Coroutine<std::string> two_readers(int fd) {
    aio::IoWatch watch(fd);
    aio::Task<std::string> first = aio::create_task(read_some(watch));
    co_await aio::sleep(0);  // the first one waits now
    try {
        (void)co_await read_some(watch);
    } catch (const std::logic_error& error) {
        first.cancel();
        co_return error.what();
    }
    co_return "no error";
}

aio::Coroutine<std::string> read_until_reset(aio::IoWatch& watch) {
    co_await watch.readable();
    co_return watch.fd() == -1 ? "woken: no longer watched" : "woken while watched";
}

aio::Coroutine<std::string> reset_wakes_the_reader(int fd) {
    aio::IoWatch watch(fd);
    aio::Task<std::string> reader = aio::create_task(read_until_reset(watch));
    co_await aio::sleep(1.0);
    watch.reset();
    co_return co_await reader;
}

aio::Coroutine<void> wait_on_outside_watch(std::optional<aio::IoWatch>& watch, int fd) {
    watch.emplace(fd);
    co_await watch->readable();
}

}  // namespace

TEST_CASE("a task waiting on a pipe wakes when the data comes, and virtual time jumps meanwhile") {
    const std::size_t fds_before = course_test::open_fds();
    {
        Pipe pipe;
        std::vector<double> times;
        aio::EventLoop loop({.virtual_time = true});
        CHECK(loop.run_until_complete(reader_and_writer(pipe, times)) == "hello");
        CHECK(times == std::vector<double>{5.0});
        CHECK(loop.watched_fds() == 0);
        CHECK(loop.pending_io() == 0);
    }
    CHECK(course_test::open_fds() == fds_before);  // the pipe, and the loop's epoll and eventfd
}

TEST_CASE("wait_readable returns at once for data already there and at EOF") {
    Pipe pipe;
    pipe.put("x");
    std::vector<double> times;
    aio::EventLoop loop({.virtual_time = true});
    loop.run_until_complete(wait_readable_then_note(pipe.read_end(), times));
    pipe.close_write_end();
    Pipe other;
    other.close_write_end();
    loop.run_until_complete(wait_readable_then_note(other.read_end(), times));
    CHECK(times == std::vector<double>{0.0, 0.0});
}

TEST_CASE("a cancelled wait on an fd leaves no registration behind") {
    Pipe pipe;
    aio::EventLoop loop({.virtual_time = true});
    std::vector<double> times;
    CHECK(loop.run_until_complete(cancel_a_read(pipe.read_end(), times)) == 10);  // 1 waiting, then 0
    CHECK(loop.watched_fds() == 0);
    CHECK(times.empty());
}

TEST_CASE("wait_for around a read raises TimeoutError at the deadline and leaves nothing waiting") {
    Pipe pipe;
    std::vector<double> times;
    aio::EventLoop loop({.virtual_time = true});
    loop.run_until_complete(timed_out_read(pipe.read_end(), times));
    CHECK(times == std::vector<double>{2.5, 0.0});
}

TEST_CASE("two tasks reading one fd at once is refused with a clear error") {
    Pipe pipe;
    aio::EventLoop loop({.virtual_time = true});
    CHECK(loop.run_until_complete(two_readers(pipe.read_end())) ==
          "IoWatch::readable: another task is already waiting to read this fd");
}

TEST_CASE("reset() wakes the task waiting on the fd") {
    Pipe pipe;
    aio::EventLoop loop({.virtual_time = true});
    CHECK(loop.run_until_complete(reset_wakes_the_reader(pipe.read_end())) == "woken: no longer watched");
}

TEST_CASE("a regular file cannot be watched: std::system_error says why") {
    aio::EventLoop loop({.virtual_time = true});
    const int fd = ::open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    REQUIRE(fd >= 0);
    CHECK_THROWS_WITH_AS(loop.run_until_complete(aio::wait_readable(fd)),
                         doctest::Contains("a regular file is always ready"), std::system_error);
    ::close(fd);
}

TEST_CASE("call_soon_threadsafe wakes a real-time loop blocked in epoll_wait with no timer") {
    Pipe pipe;
    aio::EventLoop loop;  // the real clock: the loop blocks in epoll_wait(-1)
    aio::Task<void> reader = loop.create_task(aio::wait_readable(pipe.read_end()));
    std::thread other([&loop, &pipe] {
        // Whether this comes before the loop blocks or while it does, the eventfd wakes it.
        loop.call_soon_threadsafe([&pipe] { pipe.put("!"); });
    });
    loop.run_until_complete(std::move(reader));
    other.join();
    CHECK(loop.pending_io() == 0);
}

TEST_CASE("a loop destroyed while tasks wait on fds frees their frames, and a watch that outlives it is inert") {
    const std::size_t fds_before = course_test::open_fds();
    {
        Pipe pipe;
        std::vector<std::unique_ptr<Pipe>> others;
        std::optional<aio::IoWatch> outlives;
        {
            aio::EventLoop loop({.virtual_time = true});
            for (int i = 0; i < 3; ++i) {
                others.push_back(std::make_unique<Pipe>());
                (void)loop.create_task(aio::wait_readable(others.back()->read_end()));
            }
            (void)loop.create_task(wait_on_outside_watch(outlives, pipe.read_end()));
            loop.call_soon([&loop] { loop.stop(); });
            loop.run_forever();
            CHECK(loop.pending_io() == 4);
            CHECK(loop.watched_fds() == 4);
        }
        CHECK(outlives->fd() == -1);  // its loop is gone: destroying it touches nothing
    }
    CHECK(course_test::open_fds() == fds_before);
}

namespace {

// The read loop io_watch.hpp documents, on the raw fd, with a bound: a loop that never suspends
// (EAGAIN, then a wait that returns at once, again and again) reports that it spun instead of
// hanging the test.
aio::Coroutine<std::string> read_loop(aio::IoWatch& watch, int fd) {
    char buffer[64];
    for (int attempts = 0; attempts < 1000; ++attempts) {
        if (!watch.may_read()) co_await watch.readable();
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n < 0 && errno == EAGAIN) {
            watch.read_would_block();
            continue;
        }
        co_return n > 0 ? std::string(buffer, static_cast<std::size_t>(n)) : std::string("EOF");
    }
    co_return "spun 1000 times without waiting";
}

aio::Coroutine<std::string> read_loop_or_error(aio::IoWatch& watch, int fd) {
    try {
        co_return co_await read_loop(watch, fd);
    } catch (const std::logic_error& error) {
        co_return fmt::format("{:.1f}s {}", aio::time(), error.what());
    }
}

aio::Coroutine<void> make_watch(std::unique_ptr<aio::IoWatch>& watch, int fd) {
    watch = std::make_unique<aio::IoWatch>(fd);
    co_return;
}

aio::Coroutine<void> nap(double seconds) { co_await aio::sleep(seconds); }

// On virtual time, with a timer set 1 s ahead: the timer must fire, so the loop cannot spin.
aio::Coroutine<std::string> read_beside_a_timer(aio::IoWatch& watch, int fd) {
    aio::Task<void> timer = aio::create_task(nap(1.0));
    std::string got = co_await read_loop_or_error(watch, fd);
    co_await timer;
    co_return fmt::format("{} | timer at {:.1f}s", got, aio::time());
}

}  // namespace

TEST_CASE("an IoWatch awaited by a task of another loop is refused before it registers anything") {
    Pipe pipe;
    aio::EventLoop a({.virtual_time = true});
    aio::EventLoop b({.virtual_time = true});
    std::unique_ptr<aio::IoWatch> watch;
    a.run_until_complete(make_watch(watch, pipe.read_end()));
    CHECK(b.run_until_complete(read_loop_or_error(*watch, pipe.read_end())) ==
          fmt::format("0.0s IoWatch::readable: fd {} is watched by another event loop (asyncio: Task got Future "
                      "attached to a different loop)",
                      pipe.read_end()));
    CHECK(a.pending_io() == 0);
    CHECK(b.watched_fds() == 0);
    // Its own loop still reads it.
    pipe.put("hello");
    CHECK(a.run_until_complete(read_loop_or_error(*watch, pipe.read_end())) == "hello");
    watch.reset();
}

TEST_CASE("an IoWatch kept after its loop is gone is refused on the next loop, not spun on: a due timer fires") {
    Pipe pipe;
    std::unique_ptr<aio::IoWatch> watch;
    {
        aio::EventLoop a({.virtual_time = true});
        a.run_until_complete(make_watch(watch, pipe.read_end()));
    }
    aio::EventLoop b({.virtual_time = true});
    CHECK(b.run_until_complete(read_beside_a_timer(*watch, pipe.read_end())) ==
          fmt::format("0.0s IoWatch::readable: the event loop that watched fd {} is gone (watch it again on this "
                      "loop) | timer at 1.0s",
                      pipe.read_end()));
    // Watched again, on this loop, it works.
    watch->reset();
    b.run_until_complete(make_watch(watch, pipe.read_end()));
    pipe.put("again");
    CHECK(b.run_until_complete(read_loop_or_error(*watch, pipe.read_end())) == "again");
    watch.reset();
}

namespace {

// Writes to the pipe for ever: once it is full, waits until it is writable again.
aio::Coroutine<void> fill_pipe(aio::IoWatch& watch, int fd) {
    const std::string chunk(4096, 'x');
    while (true) {
        if (!watch.may_write()) co_await watch.writable();
        if (::write(fd, chunk.data(), chunk.size()) < 0 && errno == EAGAIN) watch.write_would_block();
    }
}

// The reader waits for the writer to finish before it reads; the writer waits for the reader
// to make room. Both ends of the pipe are this loop's.
aio::Coroutine<void> read_after_the_writer(int read_fd, int write_fd) {
    aio::IoWatch reading(read_fd);
    aio::IoWatch writing(write_fd);
    co_await aio::sleep(2.0);
    aio::Task<void> writer = aio::create_task(fill_pipe(writing, write_fd));
    co_await writer;
}

}  // namespace

TEST_CASE("on virtual time, a pipe whose both ends wait on each other in one loop is reported as a deadlock") {
    Pipe pipe;
    aio::EventLoop loop({.virtual_time = true});
    CHECK_THROWS_WITH_AS(loop.run_until_complete(read_after_the_writer(pipe.read_end(), pipe.write_end())),
                         "virtual clock: every thread is waiting and none has a deadline (deadlock)", std::logic_error);
    CHECK(loop.time() == 2.0);
    CHECK(loop.pending_io() == 1);  // the writer, waiting for room
}

TEST_CASE("on virtual time, a pipe written by a thread the loop does not know of is waited for, not a deadlock") {
    Pipe pipe;
    std::vector<double> times;
    aio::EventLoop loop({.virtual_time = true});
    aio::Task<std::string> reader = loop.create_task(read_after_watching(pipe.read_end(), times));
    // Before the loop waits or while it does: either way the read end alone is watched, and
    // epoll is waited on for as long as it takes.
    std::thread other([fd = pipe.write_end()] { (void)!::write(fd, "late", 4); });
    CHECK(loop.run_until_complete(std::move(reader)) == "late");
    other.join();
    CHECK(times == std::vector<double>{0.0});
}
