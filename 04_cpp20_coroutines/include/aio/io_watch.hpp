// aio::IoWatch: a file descriptor watched by the running loop, and the awaitables that wait
// until it is readable or writable (asyncio's add_reader / add_writer, as awaits). The streams
// and subprocesses are built on it.
//
//     IoWatch watch(fd);                       // registered once with the loop's epoll
//     while (true) {
//         if (!watch.may_read()) co_await watch.readable();
//         ssize_t n = ::read(fd, buffer, size);
//         if (n < 0 && errno == EAGAIN) { watch.read_would_block(); continue; }
//         ...                                   // a short read: watch.read_would_block() too
//     }
#pragma once

#include <concepts>
#include <coroutine>
#include <cstdint>
#include <stdexcept>

#include "aio/coroutine.hpp"
#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"
#include "aio/selector.hpp"

namespace aio {

namespace detail {
// Refuses, before anything is registered, a wait that nothing would ever end: on an fd whose
// loop is gone, or watched by another loop than the awaiting task's (that loop never polls this
// epoll; asyncio: "Task got Future attached to a different loop"). Also one waiter per direction.
void check_can_wait(const IoEntry& entry, bool write);
}  // namespace detail

// Waits until an IoWatch's fd may be read (or written). Returns at once if the flag says it
// may; a task cancelled while it waits gets CancelledError, and its slot is free again.
// std::logic_error if the watch's loop is gone or is not the awaiting task's.
class IoAwaiter {
public:
    IoAwaiter(detail::IoEntry& entry, bool write) noexcept : entry_(entry), write_(write) {}

    [[nodiscard]] bool await_ready() const {
        detail::check_can_wait(entry_, write_);
        if (entry_.selector == nullptr) return true;  // reset: the next system call says why
        return write_ ? entry_.may_write : entry_.may_read;
    }
    template <std::derived_from<detail::PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        detail::PromiseBase* task = frame.promise().task;
        id_ = task->loop->new_wait_id();
        entry_.selector->wait_on(entry_, write_, task, id_);
        task->suspend(frame, id_);
    }
    void await_resume() {
        if (id_ != 0 && entry_.selector != nullptr) entry_.selector->clear(entry_, write_, id_);
        detail::PromiseBase::current()->throw_if_cancelled();
    }

private:
    detail::IoEntry& entry_;
    std::uint64_t id_ = 0;
    bool write_;
};

class IoWatch {
public:
    IoWatch() noexcept = default;
    // Registers `fd` with the running loop. The fd stays the caller's to close (after reset()).
    // Only that loop's tasks may await it; once that loop is destroyed, awaiting it throws
    // std::logic_error until the fd is watched again (reset(), then watch(fd) on the new loop).
    explicit IoWatch(int fd) { watch(fd); }
    IoWatch(const IoWatch&) = delete;
    IoWatch& operator=(const IoWatch&) = delete;
    ~IoWatch() { reset(); }

    void watch(int fd) {
        if (entry_.selector != nullptr) throw std::logic_error("IoWatch::watch: already watching an fd");
        get_running_loop().selector().add(entry_, fd);
    }
    // Stops watching: do it before closing the fd. A task waiting on it wakes up.
    void reset() noexcept {
        if (entry_.selector != nullptr) entry_.selector->remove(entry_);
    }

    [[nodiscard]] int fd() const noexcept { return entry_.selector != nullptr ? entry_.fd : -1; }
    // The loop whose epoll watches the fd; nullptr when it is not watched.
    [[nodiscard]] EventLoop* loop() const noexcept {
        return entry_.selector != nullptr ? &entry_.selector->loop() : nullptr;
    }
    [[nodiscard]] bool may_read() const noexcept { return entry_.may_read; }
    [[nodiscard]] bool may_write() const noexcept { return entry_.may_write; }
    // Once the peer hung up, a short read is not the end: only a read of 0 (EOF) or an error is.
    void read_would_block() noexcept {
        if (!entry_.hung_up) entry_.may_read = false;
    }
    void write_would_block() noexcept { entry_.may_write = false; }

    [[nodiscard]] IoAwaiter readable() noexcept { return {entry_, false}; }
    [[nodiscard]] IoAwaiter writable() noexcept { return {entry_, true}; }

private:
    detail::IoEntry entry_;
};

// One-off waits on any pollable fd (a pipe, a socket, an eventfd): registers it, waits until
// it is ready, lets it go. Three system calls more than a wait on an IoWatch kept open.
Coroutine<void> wait_readable(int fd);
Coroutine<void> wait_writable(int fd);

}  // namespace aio
