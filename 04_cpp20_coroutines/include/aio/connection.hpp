// One TCP connection, as a StreamReader and a StreamWriter share it: the socket, its epoll
// watch, the bytes received and not read yet, the bytes written and not sent yet. It plays the
// part of asyncio's transport and protocol together. Every method is one step that never
// waits: the coroutines of streams.cpp wait (on readable(), writable(), or a Notifier) between
// steps. Used by streams.hpp and server.hpp.
#pragma once

#include <sys/types.h>

#include <cstddef>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "aio/coroutine.hpp"
#include "aio/io_watch.hpp"
#include "aio/notifier.hpp"
#include "aio/read_buffer.hpp"
#include "aio/socket.hpp"

namespace aio::detail {

class Connection : public std::enable_shared_from_this<Connection> {
public:
    // What the fd is: a socket, or the parent's end of a child's stdin pipe (written with
    // write(2), which has no MSG_NOSIGNAL: see write_to_pipe in connection.cpp).
    enum class Kind { socket, pipe };

    // Takes a connected socket (or one whose connect is in progress) and watches it on the
    // running loop's epoll. `peer` names the other end in error messages.
    Connection(Fd fd, std::string peer, Kind kind = Kind::socket);
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() = default;

    [[nodiscard]] const std::string& peer() const noexcept { return peer_; }
    [[nodiscard]] int fd() const noexcept { return fd_.get(); }

    // ---- reading ----
    [[nodiscard]] ReadBuffer& buffer() noexcept { return buffer_; }
    // No more bytes will come: the peer shut its side (or we closed the socket). What is
    // buffered may still be read.
    [[nodiscard]] bool eof() const noexcept { return eof_; }
    // One step towards more bytes: one read() into the buffer, unless the socket is known to be
    // drained. True when it made progress (bytes arrived, or EOF); false when the caller must
    // co_await readable() first. Throws the connection's error (ConnectionResetError ...).
    bool receive();
    auto readable() { return watch_.readable(); }

    // ---- writing ----
    auto writable() { return watch_.writable(); }
    // Sends at once what the socket takes (no wait, no extra system call) and buffers the rest
    // for a flushing task. After the connection is lost it discards (drain() reports the error).
    void write(std::string_view data);
    // True while bytes wait to be sent; `flushed` is notified when that changes.
    [[nodiscard]] bool flushing() const noexcept { return flushing_; }
    Notifier flushed;
    void write_eof();
    // asyncio's close(): the socket closes as soon as the buffer is flushed.
    void close();
    // close() was called, or the connection was lost (a reset, a broken pipe).
    [[nodiscard]] bool is_closing() const noexcept { return closing_; }
    [[nodiscard]] bool is_closed() const noexcept { return !fd_.valid(); }
    Notifier closed;

    // The error that ended the connection, if one did; rethrown by every later read, drain and
    // wait_closed. It also closes the connection, as asyncio's transport closes on a fatal error.
    void rethrow_error() const {
        if (error_) std::rethrow_exception(error_);
    }

    // Every operation starts here: std::logic_error for a task of another loop than the one
    // watching the socket (that loop never polls its epoll; asyncio: "Task got Future attached
    // to a different loop"), or when that loop is gone. `what` names the operation: "read from".
    void check_loop(const char* what) const;

private:
    friend Coroutine<void> flush(std::shared_ptr<Connection> connection);
    // Sends from the buffer until it is empty (true) or the socket is full (false).
    bool send_buffered();
    // The buffer is flushed (or the connection lost): the deferred shutdown and close happen now.
    void flush_done();
    void fail(int error, const char* call);
    // send(2) without SIGPIPE on a socket, write(2) without SIGPIPE on a pipe.
    ssize_t send_some(const char* data, std::size_t size);
    // A connection whose loop is gone (its watch let go) cannot wait on another loop: refuse,
    // rather than spin on a watch that no longer reports anything.
    void check_watched(const char* what) const;
    void shutdown_now();
    void close_now() noexcept;
    // Leaves epoll (waking whoever waits), closes the fd, wakes wait_closed().
    void close_socket() noexcept;

    Fd fd_;
    Kind kind_;
    IoWatch watch_;  // declared after fd_: leaves epoll before the fd is closed
    std::string peer_;
    ReadBuffer buffer_;
    std::string unsent_;  // written, not sent yet: unsent_[sent_..]
    std::size_t sent_ = 0;
    std::exception_ptr error_;
    bool eof_ = false;
    bool flushing_ = false;       // a flush task runs
    bool eof_requested_ = false;  // write_eof() was called
    bool closing_ = false;        // close() was called
};

// The task that sends what write() could not: it waits for the socket to be writable, sends,
// and closes the connection at the end if close() was called meanwhile.
Coroutine<void> flush(std::shared_ptr<Connection> connection);

}  // namespace aio::detail
