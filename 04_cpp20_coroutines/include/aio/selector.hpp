// The loop's third part, next to the ready queue and the timer heap: an epoll instance that
// tells which file descriptors are ready (asyncio's selector). Each fd is registered once,
// edge-triggered, for as long as it is watched; what a task waits for is a slot in the fd's
// entry, so waiting and waking make no system call. Section "underhood" draws it.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

#include <sys/epoll.h>

namespace aio {
class EventLoop;
}

namespace aio::detail {

struct PromiseBase;
class Selector;

// A task waiting on one direction of an fd, with the wake-up id it was given.
struct IoSlot {
    PromiseBase* task = nullptr;
    std::uint64_t id = 0;
};

// One watched fd. Lives in an IoWatch; epoll holds its address, so it never moves.
struct IoEntry {
    int fd = -1;
    // "Maybe ready": set when epoll reports an edge, cleared by the owner when a system call
    // says EAGAIN (or a read came back short: the socket is drained). Edge-triggered epoll
    // reports each new arrival, so a cleared flag is set again by the next one.
    bool may_read = false;
    bool may_write = false;
    // The peer shut its side, or the fd is in error (EPOLLRDHUP, EPOLLHUP, EPOLLERR): from then
    // on a short read does not mean drained, since the EOF (or the error) may wait behind the
    // bytes with no edge to come for it. Set once, never cleared.
    bool hung_up = false;
    IoSlot reader;
    IoSlot writer;
    Selector* selector = nullptr;  // null: not watched (never was, reset, or its loop is gone)
    // Its loop was destroyed while it was watched: awaiting it can only be refused (it would
    // never be woken again). Cleared when the fd is watched anew.
    bool loop_gone = false;
    IoEntry* prev = nullptr;  // the selector's list of entries
    IoEntry* next = nullptr;
};

class Selector {
public:
    // `loop`: the loop it belongs to. `syscalls`: the loop's count of system calls, which this adds to.
    Selector(EventLoop& loop, std::uint64_t& syscalls);
    Selector(const Selector&) = delete;
    Selector& operator=(const Selector&) = delete;
    // The entries still registered (owned by objects that outlive the loop) are let go: their
    // IoWatch then does nothing when it is destroyed, and refuses to be awaited.
    ~Selector();

    // Only its loop's tasks may wait here: another loop never polls this epoll.
    [[nodiscard]] EventLoop& loop() const noexcept { return loop_; }

    // Starts watching `fd` for both directions. Throws std::system_error (a regular file, a
    // closed fd, an fd watched twice).
    void add(IoEntry& entry, int fd);
    // Stops watching; a task waiting on the entry wakes up, and its next system call tells it why.
    void remove(IoEntry& entry) noexcept;
    // `task` waits for `entry` to be readable (or writable) until a wake-up carrying `id`.
    void wait_on(IoEntry& entry, bool write, PromiseBase* task, std::uint64_t id) noexcept;
    // The wait with `id` is over (woken, cancelled): its slot is free again, if it still is its.
    void clear(IoEntry& entry, bool write, std::uint64_t id) noexcept;
    // Forgets every waiting task without waking it (the loop is destroying their frames).
    void forget_waiters() noexcept;

    // One epoll_wait: `timeout_ms` 0 polls, -1 blocks until something is ready. Wakes the tasks
    // whose fds are ready; returns how many it woke, plus 1 if another thread woke the loop.
    std::size_t poll(int timeout_ms);
    // From any thread: makes a poll() in progress, or the next one, return at once.
    void wakeup() noexcept;

    // Whether only this loop could make ready an fd a task waits on: each such fd is a pipe
    // end, or a connected TCP socket, whose other end is watched here too. Then, if no task of
    // the loop can run, none of them will ever be ready (the virtual clock's deadlock report).
    // False when it cannot know: a listening socket (anyone may connect), a child's pidfd, a
    // pipe or socket whose other end is elsewhere (another process, or not watched: a thread
    // may write it), an fd of another kind. It cannot see a thread that writes directly to an
    // end watched here, nor another process that inherited one: see EventLoop::poll_io.
    [[nodiscard]] bool only_own_ends();

    // Tasks waiting on an fd now.
    [[nodiscard]] std::size_t waiting() const noexcept { return waiting_; }
    // Fds watched now.
    [[nodiscard]] std::size_t watched() const noexcept { return watched_; }

private:
    std::size_t take(IoSlot& slot) noexcept;

    EventLoop& loop_;
    std::uint64_t& syscalls_;
    int epoll_fd_ = -1;
    int wakeup_fd_ = -1;  // an eventfd: call_soon_threadsafe writes it
    IoEntry* entries_ = nullptr;
    std::size_t watched_ = 0;
    std::size_t waiting_ = 0;
    std::array<epoll_event, 128> events_{};
};

}  // namespace aio::detail
