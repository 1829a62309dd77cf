#include <cerrno>
#include <fcntl.h>
#include <string>
#include <system_error>
#include <unistd.h>

#include "aio/aio.hpp"
#include "aio/io_watch.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// A non-blocking pipe: the simplest fd epoll can watch; a socket is watched the same way.
class Pipe {
public:
    Pipe() {
        if (::pipe2(fds_, O_NONBLOCK | O_CLOEXEC) != 0)
            throw std::system_error(errno, std::generic_category(), "pipe2");
    }
    Pipe(const Pipe&) = delete;
    Pipe& operator=(const Pipe&) = delete;
    ~Pipe() {
        close_write_end();
        ::close(fds_[0]);
    }
    [[nodiscard]] int read_end() const noexcept { return fds_[0]; }
    [[nodiscard]] int write_end() const noexcept { return fds_[1]; }
    void close_write_end() noexcept {
        if (fds_[1] >= 0) ::close(std::exchange(fds_[1], -1));
    }

private:
    int fds_[2]{-1, -1};
};

// One line of the trace: the loop's counters, read (never changed) at a step of the story.
void trace(common::Context& ctx, const char* who, const std::string& what) {
    const aio::EventLoop& loop = aio::get_running_loop();
    ctx.log.print("{:>4} {:>6} {:>3} {:>8}  {}: {}", loop.iterations(), loop.pending_timers(), loop.watched_fds(),
                  loop.syscalls(), who, what);
}

// The edge-triggered way: epoll reports a change once, so read until read() says EAGAIN (or
// EOF) before waiting again. A short read is no proof of "drained": the writer's close() may
// have come with the data, in the same epoll event, and no other event would come for it.
aio::Coroutine<void> reader(common::Context& ctx, int fd) {
    aio::IoWatch watch(fd);
    aio::EventLoop& loop = aio::get_running_loop();
    trace(ctx, "reader", "IoWatch(pipe): epoll_ctl(ADD), once for the pipe's life");
    char buffer[64];
    while (true) {
        if (!watch.may_read()) {
            trace(ctx, "reader", "co_await readable(): back to the loop");
            co_await watch.readable();
            trace(ctx, "reader", "resumed: epoll_wait said the pipe is readable");
        }
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        loop.count_syscall();
        if (n < 0 && errno == EAGAIN) {
            watch.read_would_block();
            trace(ctx, "reader", "read() = EAGAIN: drained");
            continue;
        }
        if (n <= 0) break;
        trace(ctx, "reader", fmt::format("read() = '{}'", std::string_view(buffer, static_cast<std::size_t>(n))));
    }
    trace(ctx, "reader", "read() = 0 bytes: EOF");
}

aio::Coroutine<void> writer(common::Context& ctx, Pipe& pipe) {
    aio::EventLoop& loop = aio::get_running_loop();
    for (const char* word : {"ping", "pong"}) {
        trace(ctx, "writer", "sleep(0.5)");
        co_await aio::sleep(0.5);
        const std::string_view text(word);
        if (::write(pipe.write_end(), text.data(), text.size()) != static_cast<ssize_t>(text.size())) {
            throw std::system_error(errno, std::generic_category(), "write");
        }
        loop.count_syscall();
        trace(ctx, "writer", fmt::format("write('{}')", text));
    }
    pipe.close_write_end();
    loop.count_syscall();
    trace(ctx, "writer", "close()");
}

aio::Coroutine<void> underhood_main(common::Context& ctx) {
    auto& log = ctx.log;
    log.plain("one turn of EventLoop::run_once(), as asyncio's _run_once:");
    log.plain("  1. wait, unless a callback is ready:");
    log.plain("       fds watched: epoll_wait(timeout): 0 if a callback is ready, else until the earliest");
    log.plain("                    timer of the heap, else forever (virtual time: epoll_wait(0), and if no");
    log.plain("                    fd is ready, the clock jumps to the earliest timer)");
    log.plain("       no fd:       sleep until the earliest timer, as chapter 03's loop does");
    log.plain("     the tasks whose fds epoll reports join the ready queue");
    log.plain("  2. the timers that are due join the ready queue, behind what is there");
    log.plain("  3. run the callbacks that are ready now; what they schedule waits for the next turn");
    log.plain("a reader task waits on a pipe; a writer task writes 'ping' at 0.5 s, 'pong' at 1 s, then closes it");
    log.plain("{:>15} {:>6} {:>3} {:>8}  {}", "turn", "timers", "fds", "syscalls", "what happens");
    Pipe pipe;
    co_await aio::gather(reader(ctx, pipe.read_end()), writer(ctx, pipe));
    // gather wakes main through the ready queue: main goes on in the turn after the reader's last.
    log.print(
        "main: gather returned, in turn {}; {} system calls in all (the reader's IoWatch is gone: epoll_ctl(DEL))",
        aio::get_running_loop().iterations(), aio::get_running_loop().syscalls());
}

}  // namespace

void underhood(common::Context& ctx) { aio::run(underhood_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
