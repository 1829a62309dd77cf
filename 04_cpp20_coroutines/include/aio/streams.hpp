// asyncio's streams: open_connection() gives a StreamReader and a StreamWriter over one TCP
// connection on the loopback interface. Reads wait on the loop until bytes come; writes go
// out at once when the socket takes them and are buffered otherwise; drain() waits for the
// buffer to empty. Every await here can be cancelled and put under wait_for: a cancelled read
// loses no byte (what was received stays buffered for the next read).
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "aio/coroutine.hpp"
#include "aio/stream_errors.hpp"

namespace aio {

namespace detail {
class Connection;
}

// The reading half (asyncio.StreamReader). A cheap handle: copies and the writer share one
// connection. One task reads at a time: a second task that must wait while another waits
// already gets std::logic_error.
// A default-constructed or moved-from reader is empty: using it throws std::logic_error.
// A stream belongs to the loop it was opened on: used by a task of another loop (or once that
// loop is gone), it throws std::logic_error before it waits (asyncio: RuntimeError, "attached to
// a different loop").
class StreamReader {
public:
    // readline() gives up on a line longer than this (asyncio's default limit, 64 KiB).
    static constexpr std::size_t limit = 64 * 1024;

    StreamReader() noexcept = default;
    explicit StreamReader(std::shared_ptr<detail::Connection> connection) noexcept
        : connection_(std::move(connection)) {}

    // Up to n bytes: what is buffered, or else what one receive brings; waits only when
    // nothing is buffered. "" at EOF (and for n == 0).
    Coroutine<std::string> read(std::size_t n);
    // The bytes through the next '\n', included. At EOF, what is left without one ("" when
    // nothing is). LimitOverrunError for a line longer than `limit` (asyncio: ValueError).
    Coroutine<std::string> readline();
    // Exactly n bytes; IncompleteReadError (with what came) if EOF comes first.
    Coroutine<std::string> readexactly(std::size_t n);
    // read() into the caller's memory: returns how many bytes were copied into `out` (0 at EOF).
    // No string is made: the connection receives into the one buffer it keeps for its life.
    Coroutine<std::size_t> read_into(std::span<char> out);
    // The peer shut its side and every byte it sent has been read.
    [[nodiscard]] bool at_eof() const noexcept;

private:
    [[nodiscard]] const std::shared_ptr<detail::Connection>& connection(const char* what) const;
    std::shared_ptr<detail::Connection> connection_;
};

// The writing half (asyncio.StreamWriter). Same handle rules as StreamReader.
class StreamWriter {
public:
    StreamWriter() noexcept = default;
    explicit StreamWriter(std::shared_ptr<detail::Connection> connection) noexcept
        : connection_(std::move(connection)) {}

    // Sends now what the socket takes, buffers the rest (sent by a task in the background).
    // Does not wait: co_await drain() for back-pressure. Writing after close() or write_eof()
    // throws std::logic_error; after the connection was lost, the bytes are dropped and the
    // next drain() throws the error, as in asyncio.
    void write(std::string_view data);
    // Waits until every byte written has been handed to the kernel. Throws the connection's
    // error (ConnectionResetError: the peer reset it, or is gone). Cancelling it cancels only
    // the wait: the buffered bytes still go out.
    Coroutine<void> drain();
    // Closes the socket once the buffer is flushed; a task reading from this connection then
    // wakes up with EOF. Twice is once.
    void close();
    // Waits until the socket is closed (after close(), once the buffer is flushed). If the
    // connection was lost, raises its error (ConnectionResetError), as asyncio 3.11 does.
    Coroutine<void> wait_closed();
    // True once close() was called, or once the connection was lost: a read or a write met a
    // reset (asyncio's transport closes itself on a fatal error).
    [[nodiscard]] bool is_closing() const noexcept;
    // Shuts our sending side (shutdown(SHUT_WR)) once the buffer is flushed: the peer reads
    // EOF, and can still answer.
    void write_eof();
    // The other end, "127.0.0.1:40312" (asyncio: get_extra_info("peername")).
    [[nodiscard]] const std::string& peername() const;

private:
    [[nodiscard]] const std::shared_ptr<detail::Connection>& connection(const char* what) const;
    std::shared_ptr<detail::Connection> connection_;
};

// asyncio.open_connection: connects to host:port (127.0.0.1, ::1 or localhost only: any other
// host is a std::invalid_argument). ConnectionRefusedError when nobody listens there.
Coroutine<std::pair<StreamReader, StreamWriter>> open_connection(std::string host, int port);

}  // namespace aio
