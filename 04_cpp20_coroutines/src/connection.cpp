#include "aio/connection.hpp"

#include <pthread.h>
#include <sys/socket.h>
#include <unistd.h>

#include <csignal>
#include <ctime>

#include <cerrno>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "aio/errors.hpp"
#include "aio/stream_errors.hpp"
#include "aio/task.hpp"

namespace aio::detail {

Connection::Connection(Fd fd, std::string peer, Kind kind) : fd_(std::move(fd)), kind_(kind), peer_(std::move(peer)) {
    watch_.watch(fd_.get());
}

bool Connection::receive() {
    check_loop("read from");
    rethrow_error();
    if (!fd_.valid()) {  // closed on our side (close(), or the reader woke from watch_.reset())
        eof_ = true;
        return true;
    }
    if (eof_) return true;
    if (!watch_.may_read()) return false;
    const std::span<char> room = buffer_.room();
    count_syscall();
    // read(2), not recv(2): the same on a socket, and it works on a pipe too (a child's stdout).
    const ssize_t n = ::read(fd_.get(), room.data(), room.size());
    if (n > 0) {
        buffer_.commit(static_cast<std::size_t>(n));
        // Less than asked: the socket is drained, and asking again now would only fail.
        if (static_cast<std::size_t>(n) < room.size()) watch_.read_would_block();
        return true;
    }
    if (n == 0) {
        eof_ = true;
        return true;
    }
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
        watch_.read_would_block();
        return false;
    }
    if (errno == EINTR) return false;  // may_read is still set: readable() returns at once
    fail(errno, "read from");
    rethrow_error();
    return true;
}

void Connection::write(std::string_view data) {
    check_loop("write to");
    if (error_) return;  // the connection is lost: the bytes are dropped, and drain() says why
    if (closing_) throw std::logic_error(fmt::format("write to {}: the writer is closed", peer_));
    if (eof_requested_) throw std::logic_error(fmt::format("write to {}: write_eof() was called", peer_));
    if (data.empty()) return;
    if (!flushing_) {
        // Nothing queued: straight to the socket, whatever may_write says (it is only a hint
        // for the flush task; the send tells the truth).
        const ssize_t n = send_some(data.data(), data.size());
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            fail(errno, "send to");
            return;
        }
        const std::size_t sent = n > 0 ? static_cast<std::size_t>(n) : 0;
        if (sent == data.size()) return;
        data.remove_prefix(sent);
        watch_.write_would_block();  // the socket's send buffer is full
        // The task first: if it cannot start (no running loop), nothing has changed.
        get_running_loop().create_task(flush(shared_from_this()));
        flushing_ = true;
    }
    if (sent_ != 0 && sent_ >= unsent_.size() / 2) {  // keep the buffer from growing at the front
        unsent_.erase(0, sent_);
        sent_ = 0;
    }
    unsent_.append(data);
}

bool Connection::send_buffered() {
    while (sent_ < unsent_.size()) {
        if (error_ || !fd_.valid()) return true;
        if (!watch_.may_write()) return false;
        const std::size_t asked = unsent_.size() - sent_;
        const ssize_t n = send_some(unsent_.data() + sent_, asked);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK) {
                watch_.write_would_block();
            } else if (errno != EINTR) {
                fail(errno, "send to");
            }
            continue;
        }
        sent_ += static_cast<std::size_t>(n);
        if (static_cast<std::size_t>(n) < asked) watch_.write_would_block();
    }
    return true;
}

void Connection::flush_done() {
    unsent_.clear();
    sent_ = 0;
    flushing_ = false;
    flushed.notify_all();
    if (closing_) {
        close_now();
    } else if (eof_requested_) {
        shutdown_now();
    }
}

Coroutine<void> flush(std::shared_ptr<Connection> connection) {
    try {
        while (!connection->send_buffered()) co_await connection->writable();
    } catch (const CancelledError&) {
        // The loop shuts down under us: what was not sent is lost, and drain() must not wait for it.
        connection->flush_done();
        throw;
    }
    connection->flush_done();
}

namespace {

// write(2) to a pipe whose reader has gone fails with EPIPE and raises SIGPIPE, which ends the
// process unless it is blocked or ignored (Python ignores it at startup; a C++ program does not).
// So the signal is blocked for this thread during the write, and one it raised is taken back
// before the mask is restored, unless one was pending already.
ssize_t write_to_pipe(int fd, const char* data, std::size_t size) {
    sigset_t pipe_signal;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    sigset_t old_mask;
    count_syscall();
    ::pthread_sigmask(SIG_BLOCK, &pipe_signal, &old_mask);
    sigset_t pending;
    count_syscall();
    ::sigpending(&pending);
    const bool was_pending = sigismember(&pending, SIGPIPE) == 1;
    count_syscall();
    const ssize_t n = ::write(fd, data, size);
    const int error = errno;
    if (n < 0 && error == EPIPE && !was_pending) {
        const timespec no_wait{};
        count_syscall();
        while (::sigtimedwait(&pipe_signal, nullptr, &no_wait) < 0 && errno == EINTR) {}
    }
    count_syscall();
    ::pthread_sigmask(SIG_SETMASK, &old_mask, nullptr);
    errno = error;
    return n;
}

}  // namespace

ssize_t Connection::send_some(const char* data, std::size_t size) {
    if (kind_ == Kind::pipe) return write_to_pipe(fd_.get(), data, size);
    count_syscall();
    return ::send(fd_.get(), data, size, MSG_NOSIGNAL);
}

void Connection::write_eof() {
    if (kind_ == Kind::pipe) {  // a pipe has no half to shut: its EOF is the close (as asyncio's pipe transport)
        close();
        return;
    }
    if (closing_ || eof_requested_) return;
    eof_requested_ = true;
    if (!flushing_) shutdown_now();
}

void Connection::shutdown_now() {
    if (!fd_.valid() || error_) return;
    count_syscall();
    ::shutdown(fd_.get(), SHUT_WR);  // fails only if the peer is gone already: the next read says so
}

void Connection::close() {
    if (closing_) return;
    closing_ = true;
    if (!flushing_) close_now();
}

void Connection::close_now() noexcept {
    if (!fd_.valid()) return;
    eof_ = true;  // a task waiting in readable() wakes up below, and receive() tells it: EOF
    close_socket();
}

void Connection::close_socket() noexcept {
    if (!fd_.valid()) return;
    watch_.reset();  // wakes a task waiting in readable() or writable()
    fd_.close();
    closed.notify_all();
}

void Connection::check_watched(const char* what) const {
    if (fd_.valid() && watch_.fd() < 0) {
        throw std::logic_error(fmt::format("{} {}: the event loop this connection was made on is closed", what, peer_));
    }
}

void Connection::check_loop(const char* what) const {
    check_watched(what);
    const EventLoop* running = running_loop();
    const EventLoop* owner = watch_.loop();
    if (running != nullptr && owner != nullptr && running != owner) {
        throw std::logic_error(fmt::format(
            "{} {}: the stream belongs to another event loop (asyncio: Task got Future attached to a different loop)",
            what, peer_));
    }
}

void Connection::fail(int error, const char* call) {
    if (!error_) error_ = errno_exception(error, fmt::format("{} {}", call, peer_));
    unsent_.clear();
    sent_ = 0;
    // asyncio's transport closes itself on a fatal error (_force_close): is_closing() is true
    // from now on, the socket goes at once, and wait_closed() raises the error. Not EOF: a
    // woken reader gets the error (receive() rethrows it first), and at_eof() stays false.
    closing_ = true;
    close_socket();
}

}  // namespace aio::detail
