// What goes wrong on a stream raises asyncio's exception, saying what was tried and where:
// a refused connect, a reset by the peer, a host that is not this machine, a closed writer.
#include "course_test.hpp"

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/server.hpp"
#include "aio/streams.hpp"
#include "story.hpp"
#include "stream_helpers.hpp"

namespace {

using story::Lines;
using story::note;
using streams_test::echo;
using streams_test::NoFdLeaked;

aio::Coroutine<void> connect_refused(Lines& lines, int port) {
    try {
        co_await aio::open_connection("127.0.0.1", port);
    } catch (const aio::ConnectionRefusedError& error) {
        note(lines,
             fmt::format("{} (errno {})", error.what(), error.code().value() == ECONNREFUSED ? "ECONNREFUSED" : "?"));
    }
}

// A listening socket of our own, so the test can reset the connection it accepts.
class RawListener {
public:
    RawListener() {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        REQUIRE(::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(fd_, 1) == 0);
        REQUIRE(::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        port_ = ntohs(address.sin_port);
    }
    RawListener(const RawListener&) = delete;
    RawListener& operator=(const RawListener&) = delete;
    ~RawListener() { ::close(fd_); }

    [[nodiscard]] int port() const noexcept { return port_; }
    // Accepts the connection that is waiting; the caller closes it.
    [[nodiscard]] int accept_next() const {
        const int connection = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
        REQUIRE(connection >= 0);
        return connection;
    }
    // Accepts the connection that is waiting, then closes it with SO_LINGER 0: the kernel
    // sends RST instead of FIN.
    void reset_next() const {
        const int connection = accept_next();
        const linger abort{.l_onoff = 1, .l_linger = 0};
        REQUIRE(::setsockopt(connection, SOL_SOCKET, SO_LINGER, &abort, sizeof abort) == 0);
        ::close(connection);
    }

private:
    int fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int port_ = 0;
};

// The story of tests/python/reset.py, told in the same lines (each with its time, and after an
// error the message, which says where it happened).
aio::Coroutine<void> reset_by_peer(Lines& lines, const RawListener& listener) {
    auto connection = co_await aio::open_connection("127.0.0.1", listener.port());
    aio::StreamReader& reader = connection.first;
    aio::StreamWriter& writer = connection.second;
    listener.reset_next();  // the connect is complete: accept() returns at once
    note(lines, fmt::format("before the read: is_closing() {}", writer.is_closing()));
    try {
        co_await reader.read(10);
    } catch (const aio::ConnectionResetError& error) {
        note(lines, fmt::format("read: ConnectionResetError: {}", error.what()));
    }
    // asyncio's transport closes itself on the error.
    note(lines, fmt::format("after the read: is_closing() {}", writer.is_closing()));
    // The connection is lost: a write is dropped, and drain() says why.
    writer.write("anyone?");
    try {
        co_await writer.drain();
    } catch (const aio::ConnectionResetError& error) {
        note(lines, fmt::format("drain: ConnectionResetError: {}", error.what()));
    }
    try {
        const std::string again = co_await reader.read(10);
        note(lines, fmt::format("read again: '{}'", again));
    } catch (const aio::ConnectionResetError& error) {
        note(lines, fmt::format("read again: ConnectionResetError: {}", error.what()));
    }
    writer.close();
    for (const char* which : {"wait_closed", "wait_closed again"}) {
        try {
            co_await writer.wait_closed();
            note(lines, fmt::format("{}: returns", which));
        } catch (const aio::ConnectionResetError& error) {
            note(lines, fmt::format("{}: ConnectionResetError: {}", which, error.what()));
        }
    }
}

aio::Coroutine<void> not_loopback(Lines& lines, std::string host, int port) {
    try {
        co_await aio::open_connection(host, port);
    } catch (const std::invalid_argument& error) {
        note(lines, error.what());
    }
    try {
        co_await aio::start_server(echo, host, port);
    } catch (const std::invalid_argument& error) {
        note(lines, error.what());
    }
}

aio::Coroutine<void> misuse(Lines& lines) {
    aio::Server server = co_await aio::start_server(echo, "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    aio::StreamWriter& writer = connection.second;
    writer.write_eof();
    try {
        writer.write("late");
    } catch (const std::logic_error& error) {
        note(lines, error.what());
    }
    writer.close();
    writer.close();  // twice is once
    note(lines, fmt::format("is_closing {}", writer.is_closing()));
    try {
        writer.write("later");
    } catch (const std::logic_error& error) {
        note(lines, error.what());
    }
    co_await writer.wait_closed();
    const std::string after_close = co_await connection.first.read(10);
    note(lines, fmt::format("read after close: \"{}\"", after_close));
    aio::StreamReader moved = std::move(connection.first);
    try {
        co_await connection.first.read(1);
    } catch (const std::logic_error& error) {
        note(lines, error.what());
    }
}

aio::Coroutine<std::string> read_some(aio::StreamReader reader) { co_return co_await reader.read(10); }

aio::Coroutine<void> two_readers(Lines& lines) {
    aio::Server server = co_await aio::start_server(echo, "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    aio::Task<std::string> first = aio::create_task(read_some(connection.first));
    co_await aio::sleep(1.0);
    try {
        co_await connection.first.read(10);
    } catch (const std::logic_error& error) {
        note(lines, error.what());
    }
    connection.second.write("for the first");
    const std::string got = co_await first;
    note(lines, "the first reader got " + got);
    connection.second.close();
}

aio::Coroutine<void> read_ten(aio::StreamReader& reader, aio::StreamWriter& /*writer*/) { co_await reader.read(10); }
aio::Coroutine<void> read_line(aio::StreamReader& reader, aio::StreamWriter& /*writer*/) { co_await reader.readline(); }
aio::Coroutine<void> read_five(aio::StreamReader& reader, aio::StreamWriter& /*writer*/) {
    co_await reader.readexactly(5);
}
aio::Coroutine<void> write_much(aio::StreamReader& /*reader*/, aio::StreamWriter& writer) {
    writer.write(std::string(8 << 20, 'x'));  // more than the socket takes: a flush would start here
    co_return;
}
aio::Coroutine<void> drain(aio::StreamReader& /*reader*/, aio::StreamWriter& writer) { co_await writer.drain(); }
aio::Coroutine<void> wait_closed(aio::StreamReader& /*reader*/, aio::StreamWriter& writer) {
    co_await writer.wait_closed();
}

// Every operation of a stream of another loop, each refused before it waits or sends.
aio::Coroutine<void> use_from_another_loop(Lines& lines, aio::StreamReader reader, aio::StreamWriter writer) {
    using Attempt = aio::Coroutine<void> (*)(aio::StreamReader&, aio::StreamWriter&);
    const Attempt attempts[] = {&read_ten, &read_line, &read_five, &write_much, &drain, &wait_closed};
    for (const Attempt attempt : attempts) {
        try {
            co_await attempt(reader, writer);
            note(lines, "no error");
        } catch (const std::logic_error& error) {
            note(lines, error.what());
        }
    }
}

}  // namespace

TEST_CASE("a stream used by a task of another loop is refused before it waits or sends, and its own loop goes on") {
    const NoFdLeaked no_leak;
    const RawListener listener;
    aio::EventLoop a({.virtual_time = true});
    auto [reader, writer] = a.run_until_complete(aio::open_connection("127.0.0.1", listener.port()));
    const int peer = listener.accept_next();
    REQUIRE(::write(peer, "hello", 5) == 5);
    {
        aio::EventLoop b({.virtual_time = true});  // destroyed first: nothing of it may stay in a's epoll
        Lines lines;
        b.run_until_complete(use_from_another_loop(lines, reader, writer));
        const std::string where = fmt::format(
            "127.0.0.1:{}: the stream belongs to another event loop (asyncio: Task "
            "got Future attached to a different loop)",
            listener.port());
        CHECK(lines == Lines{"0.0s read from " + where, "0.0s read from " + where, "0.0s read from " + where,
                             "0.0s write to " + where, "0.0s drain to " + where, "0.0s wait_closed on " + where});
    }
    CHECK(a.pending_io() == 0);
    char byte = 0;
    CHECK(::recv(peer, &byte, 1, MSG_DONTWAIT) == -1);  // not a byte was sent
    CHECK(a.run_until_complete(reader.read(10)) == "hello");
    writer.close();
    a.run_until_complete(writer.wait_closed());
    ::close(peer);
}

TEST_CASE("open_connection to a port nobody listens on raises ConnectionRefusedError saying where") {
    const NoFdLeaked no_leak;
    const int port = streams_test::unused_port();
    Lines lines;
    aio::run(connect_refused(lines, port), {.virtual_time = true});
    CHECK(lines == Lines{fmt::format("0.0s connect to 127.0.0.1:{}: Connection refused (errno ECONNREFUSED)", port)});
}

TEST_CASE(
    "a peer's reset (SO_LINGER 0) closes the stream as asyncio's: read, drain, wait_closed raise "
    "ConnectionResetError") {
    const NoFdLeaked no_leak;
    const RawListener listener;
    Lines lines;
    aio::run(reset_by_peer(lines, listener), {.virtual_time = true});
    // tests/python/reset.py prints these lines on asyncio (3.11.7), without what follows "Error".
    const std::string reset =
        fmt::format("ConnectionResetError: read from 127.0.0.1:{}: Connection reset by peer", listener.port());
    CHECK(lines == Lines{"0.0s before the read: is_closing() false", "0.0s read: " + reset,
                         "0.0s after the read: is_closing() true", "0.0s drain: " + reset, "0.0s read again: " + reset,
                         "0.0s wait_closed: " + reset, "0.0s wait_closed again: " + reset});
}

TEST_CASE("a host that is not this machine, or a port out of range, is refused with std::invalid_argument") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(not_loopback(lines, "example.com", 80), {.virtual_time = true});
    aio::run(not_loopback(lines, "10.0.0.1", 80), {.virtual_time = true});
    aio::run(not_loopback(lines, "127.0.0.1", 65536), {.virtual_time = true});
    const std::string allowed =
        "is not a loopback address (the course talks only to its own machine: "
        "127.0.0.1, ::1 or localhost)";
    CHECK(lines == Lines{"0.0s open_connection: host \"example.com\" " + allowed,
                         "0.0s start_server: host \"example.com\" " + allowed,
                         "0.0s open_connection: host \"10.0.0.1\" " + allowed,
                         "0.0s start_server: host \"10.0.0.1\" " + allowed,
                         "0.0s open_connection: port 65536 is not in 0..65535",
                         "0.0s start_server: port 65536 is not in 0..65535"});
}

TEST_CASE("writing after write_eof() or close() is a std::logic_error: reading our own closed side reads \"\"") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(misuse(lines), {.virtual_time = true});
    REQUIRE(lines.size() == 5);
    CHECK(lines[0].ends_with(": write_eof() was called"));
    CHECK(lines[1] == "0.0s is_closing true");
    CHECK(lines[2].ends_with(": the writer is closed"));
    CHECK(lines[3] == "0.0s read after close: \"\"");
    CHECK(lines[4] == "0.0s StreamReader::read: an empty reader (default-constructed or moved from)");
}

TEST_CASE("a second task reading a connection while another waits on it gets std::logic_error: the first reads on") {
    const NoFdLeaked no_leak;
    CHECK(story::told(two_readers) == Lines{"1.0s IoWatch::readable: another task is already waiting to read this fd",
                                            "1.0s the first reader got for the fi"});
}

namespace {

aio::Coroutine<void> wait_for_a_line(aio::StreamReader reader, aio::StreamWriter writer) {
    co_await reader.readline();  // the client never sends one
    writer.close();
}

aio::Coroutine<void> both_wait_to_read() {
    aio::Server server = co_await aio::start_server(wait_for_a_line, "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    co_await aio::sleep(1.0);              // the handler runs, and waits for a line
    server.close();                        // no more clients: nobody outside this loop can wake it now
    co_await connection.first.readline();  // the server never sends one either
}

}  // namespace

TEST_CASE("on virtual time, a client and its server both waiting to read, with no timer, are reported as a deadlock") {
    const NoFdLeaked no_leak;
    aio::EventLoop loop({.virtual_time = true});
    CHECK_THROWS_WITH_AS(loop.run_until_complete(both_wait_to_read()),
                         "virtual clock: every thread is waiting and none has a deadline (deadlock)", std::logic_error);
    CHECK(loop.time() == 1.0);
    CHECK(loop.pending_io() == 2);
}
