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
    // Accepts the connection that is waiting, then closes it with SO_LINGER 0: the kernel
    // sends RST instead of FIN.
    void reset_next() const {
        const int connection = ::accept4(fd_, nullptr, nullptr, SOCK_CLOEXEC);
        REQUIRE(connection >= 0);
        const linger abort{.l_onoff = 1, .l_linger = 0};
        REQUIRE(::setsockopt(connection, SOL_SOCKET, SO_LINGER, &abort, sizeof abort) == 0);
        ::close(connection);
    }

private:
    int fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int port_ = 0;
};

aio::Coroutine<void> reset_by_peer(Lines& lines, const RawListener& listener) {
    auto connection = co_await aio::open_connection("127.0.0.1", listener.port());
    listener.reset_next();  // the connect is complete: accept() returns at once
    try {
        co_await connection.first.read(10);
    } catch (const aio::ConnectionResetError& error) {
        note(lines, fmt::format("read: {}", error.what()));
    }
    // The connection is lost: a write is dropped, and drain() says why.
    connection.second.write("anyone?");
    try {
        co_await connection.second.drain();
    } catch (const aio::ConnectionResetError& error) {
        note(lines, fmt::format("drain: {}", error.what()));
    }
    connection.second.close();
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

}  // namespace

TEST_CASE("open_connection to a port nobody listens on raises ConnectionRefusedError saying where") {
    const NoFdLeaked no_leak;
    const int port = streams_test::unused_port();
    Lines lines;
    aio::run(connect_refused(lines, port), {.virtual_time = true});
    CHECK(lines == Lines{fmt::format("0.0s connect to 127.0.0.1:{}: Connection refused (errno ECONNREFUSED)", port)});
}

TEST_CASE("a peer that resets the connection (SO_LINGER 0) makes read and then drain raise ConnectionResetError") {
    const NoFdLeaked no_leak;
    const RawListener listener;
    Lines lines;
    aio::run(reset_by_peer(lines, listener), {.virtual_time = true});
    CHECK(lines == Lines{fmt::format("0.0s read: read from 127.0.0.1:{}: Connection reset by peer", listener.port()),
                         fmt::format("0.0s drain: read from 127.0.0.1:{}: Connection reset by peer", listener.port())});
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
