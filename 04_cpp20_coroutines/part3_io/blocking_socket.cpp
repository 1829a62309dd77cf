#include "blocking_socket.hpp"

#include <cerrno>
#include <stdexcept>
#include <string>
#include <system_error>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>

namespace blocking {

namespace {

[[noreturn]] void fail(const std::string& what) { throw std::system_error(errno, std::generic_category(), what); }

sockaddr_in loopback(int port) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

}  // namespace

Fd bind_loopback(int port) {
    Fd socket(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (socket.get() < 0) fail("socket");
    const int on = 1;
    ::setsockopt(socket.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
    const sockaddr_in address = loopback(port);
    if (::bind(socket.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        fail("bind 127.0.0.1:" + std::to_string(port));
    }
    return socket;
}

Fd listen_loopback(int port) {
    Fd listener = bind_loopback(port);
    if (::listen(listener.get(), SOMAXCONN) != 0) fail("listen");
    return listener;
}

int local_port(const Fd& socket) {
    sockaddr_in address{};
    socklen_t size = sizeof address;
    if (::getsockname(socket.get(), reinterpret_cast<sockaddr*>(&address), &size) != 0) fail("getsockname");
    return ntohs(address.sin_port);
}

bool wait_for_connection(const Fd& listener, std::chrono::milliseconds timeout) {
    pollfd watched{listener.get(), POLLIN, 0};
    const int ready = ::poll(&watched, 1, static_cast<int>(timeout.count()));
    if (ready < 0 && errno != EINTR) fail("poll");
    return ready > 0;
}

Fd accept_connection(const Fd& listener) {
    Fd connection(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
    if (connection.get() < 0) fail("accept");
    return connection;
}

Fd connect_loopback(int port) {
    Fd connection(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (connection.get() < 0) fail("socket");
    const sockaddr_in address = loopback(port);
    if (::connect(connection.get(), reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
        fail("connect to 127.0.0.1:" + std::to_string(port));
    }
    return connection;
}

std::string read_line(const Fd& socket) {
    std::string line;
    char buffer[256];
    while (line.empty() || line.back() != '\n') {
        const ssize_t n = ::recv(socket.get(), buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("recv");
        if (n == 0) break;  // EOF
        line.append(buffer, static_cast<std::size_t>(n));
    }
    return line;
}

std::string read_head(const Fd& socket, std::size_t limit) {
    std::string head;
    char buffer[1024];
    // A client sends its body, if any, after the head, so a read does not run past the head in
    // practice; the section's requests have none.
    while (head.find("\r\n\r\n") == std::string::npos) {
        const ssize_t n = ::recv(socket.get(), buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("recv");
        if (n == 0) break;  // EOF
        head.append(buffer, static_cast<std::size_t>(n));
        if (head.size() > limit) throw std::runtime_error("a request head over " + std::to_string(limit) + " bytes");
    }
    return head;
}

std::string read_to_eof(const Fd& socket) {
    std::string data;
    char buffer[4096];
    while (true) {
        const ssize_t n = ::recv(socket.get(), buffer, sizeof buffer, 0);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("recv");
        if (n == 0) return data;
        data.append(buffer, static_cast<std::size_t>(n));
    }
}

void send_all(const Fd& socket, std::string_view data) {
    while (!data.empty()) {
        const ssize_t n = ::send(socket.get(), data.data(), data.size(), MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) fail("send");
        data.remove_prefix(static_cast<std::size_t>(n));
    }
}

}  // namespace blocking
