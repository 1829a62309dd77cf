#include "aio/streams.hpp"

#include <algorithm>
#include <cerrno>
#include <stdexcept>

#include <fmt/format.h>

#include "aio/connection.hpp"
#include "aio/socket.hpp"

namespace aio {

namespace {

using detail::Connection;

// The coroutines take the connection by value, not through `this`: a reader handle moved or
// destroyed while its read is pending (under wait_for, in another task) leaves nothing dangling.
// Each starts with check_loop: a task of another loop is refused before it can wait.

Coroutine<std::string> read(std::shared_ptr<Connection> connection, std::size_t n) {
    connection->check_loop("read from");
    if (n == 0) co_return std::string();
    while (connection->buffer().empty() && !connection->eof()) {
        if (!connection->receive()) co_await connection->readable();
    }
    co_return connection->buffer().take(std::min(n, connection->buffer().size()));
}

Coroutine<std::size_t> read_into(std::shared_ptr<Connection> connection, std::span<char> out) {
    connection->check_loop("read from");
    if (out.empty()) co_return 0;
    while (connection->buffer().empty() && !connection->eof()) {
        if (!connection->receive()) co_await connection->readable();
    }
    co_return connection->buffer().take_into(out);
}

Coroutine<std::string> readline(std::shared_ptr<Connection> connection) {
    connection->check_loop("read from");
    std::size_t searched = 0;  // bytes known to hold no '\n': each byte is searched once
    while (true) {
        detail::ReadBuffer& buffer = connection->buffer();
        const std::size_t end = buffer.view().find('\n', searched);
        if (end != std::string_view::npos) {
            if (end > StreamReader::limit) {
                buffer.consume(end + 1);
                throw LimitOverrunError(
                    fmt::format("readline: a line of {} bytes is longer than the limit of {} (asyncio: Separator is "
                                "found, but chunk is longer than limit)",
                                end, StreamReader::limit),
                    end);
            }
            co_return buffer.take(end + 1);
        }
        searched = buffer.size();
        if (searched > StreamReader::limit) {
            buffer.clear();
            throw LimitOverrunError(fmt::format("readline: no '\\n' in the first {} bytes, more than the limit of {} "
                                                "(asyncio: Separator is not found, and chunk exceed the limit)",
                                                searched, StreamReader::limit),
                                    searched);
        }
        if (connection->eof()) co_return buffer.take(buffer.size());
        if (!connection->receive()) co_await connection->readable();
    }
}

Coroutine<std::string> readexactly(std::shared_ptr<Connection> connection, std::size_t n) {
    connection->check_loop("read from");
    while (connection->buffer().size() < n) {
        if (connection->eof()) throw IncompleteReadError(connection->buffer().take(connection->buffer().size()), n);
        if (!connection->receive()) co_await connection->readable();
    }
    co_return connection->buffer().take(n);
}

Coroutine<void> drain(std::shared_ptr<Connection> connection) {
    connection->check_loop("drain to");
    while (true) {
        connection->rethrow_error();
        if (!connection->flushing()) co_return;
        co_await connection->flushed.wait();
    }
}

Coroutine<void> wait_closed(std::shared_ptr<Connection> connection) {
    connection->check_loop("wait_closed on");
    while (!connection->is_closed()) co_await connection->closed.wait();
    connection->rethrow_error();  // what ended the connection, as asyncio 3.11 raises it
}

}  // namespace

const std::shared_ptr<Connection>& StreamReader::connection(const char* what) const {
    if (!connection_)
        throw std::logic_error(
            fmt::format("StreamReader::{}: an empty reader (default-constructed or moved from)", what));
    return connection_;
}

Coroutine<std::string> StreamReader::read(std::size_t n) { return aio::read(connection("read"), n); }
Coroutine<std::string> StreamReader::readline() { return aio::readline(connection("readline")); }
Coroutine<std::string> StreamReader::readexactly(std::size_t n) {
    return aio::readexactly(connection("readexactly"), n);
}
Coroutine<std::size_t> StreamReader::read_into(std::span<char> out) {
    return aio::read_into(connection("read_into"), out);
}
bool StreamReader::at_eof() const noexcept {
    return connection_ && connection_->eof() && connection_->buffer().empty();
}

const std::shared_ptr<Connection>& StreamWriter::connection(const char* what) const {
    if (!connection_)
        throw std::logic_error(
            fmt::format("StreamWriter::{}: an empty writer (default-constructed or moved from)", what));
    return connection_;
}

void StreamWriter::write(std::string_view data) { connection("write")->write(data); }
Coroutine<void> StreamWriter::drain() { return aio::drain(connection("drain")); }
void StreamWriter::close() { connection("close")->close(); }
Coroutine<void> StreamWriter::wait_closed() { return aio::wait_closed(connection("wait_closed")); }
bool StreamWriter::is_closing() const noexcept { return connection_ && connection_->is_closing(); }
void StreamWriter::write_eof() { connection("write_eof")->write_eof(); }
const std::string& StreamWriter::peername() const { return connection("peername")->peer(); }

Coroutine<std::pair<StreamReader, StreamWriter>> open_connection(std::string host, int port) {
    const detail::Endpoint endpoint = detail::loopback_endpoint("open_connection", host, port);
    const std::string where = "connect to " + endpoint.text;
    detail::Fd fd = detail::tcp_socket(where, endpoint.family());
    detail::set_nodelay(fd.get(), where);
    int error = detail::start_connect(fd.get(), endpoint);
    // Watched only now: an unconnected socket polls as "hung up", which is no news about the connect.
    auto connection = std::make_shared<Connection>(std::move(fd), endpoint.text);
    if (error == EINPROGRESS || error == EINTR) {  // EINTR: the connect goes on, asynchronously
        co_await connection->writable();
        error = detail::connect_result(connection->fd());
    }
    if (error != 0) detail::throw_errno(error, where);
    co_return std::pair(StreamReader(connection), StreamWriter(connection));
}

}  // namespace aio
