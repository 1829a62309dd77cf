// What the stream and server tests share: a count of open descriptors (no test may leak one),
// an echo handler, and a port on which nobody listens.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <string>

#include "course_test.hpp"
#include "open_fds.hpp"

#include "aio/aio.hpp"
#include "aio/server.hpp"
#include "aio/streams.hpp"

namespace streams_test {

// Declared first in a test: at its end, CHECKs that every descriptor opened since is closed.
class NoFdLeaked {
public:
    NoFdLeaked() = default;
    NoFdLeaked(const NoFdLeaked&) = delete;
    NoFdLeaked& operator=(const NoFdLeaked&) = delete;
    ~NoFdLeaked() { CHECK(course_test::open_fds() == before_); }

private:
    std::size_t before_ = course_test::open_fds();
};

// Sends back what it receives until EOF, then closes its side.
inline aio::Coroutine<void> echo(aio::StreamReader reader, aio::StreamWriter writer) {
    while (true) {
        const std::string data = co_await reader.read(4096);
        if (data.empty()) break;
        writer.write(data);
        co_await writer.drain();
    }
    writer.close();
    co_await writer.wait_closed();
}

// The end of a test's story: the client's connection closes, then the server, and both are waited for.
inline aio::Coroutine<void> close_both(aio::StreamWriter client, aio::Server& server) {
    client.close();
    co_await client.wait_closed();
    server.close();
    co_await server.wait_closed();
}

// A loopback port that was free a moment ago and on which nobody listens now.
inline int unused_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
    REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
    ::close(fd);
    return ntohs(address.sin_port);
}

}  // namespace streams_test
