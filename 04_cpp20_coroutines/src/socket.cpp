#include "aio/socket.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <stdexcept>
#include <string>

#include <fmt/format.h>

#include "aio/event_loop.hpp"
#include "aio/stream_errors.hpp"

namespace aio::detail {

void count_syscall() noexcept {
    if (EventLoop* loop = running_loop()) loop->count_syscall();
}

void Fd::close() noexcept {
    if (fd_ < 0) return;
    count_syscall();
    ::close(std::exchange(fd_, -1));  // Linux frees the descriptor even when close() fails
}

int Endpoint::port() const noexcept {
    if (family() == AF_INET6) return ntohs(reinterpret_cast<const sockaddr_in6*>(&address)->sin6_port);
    return ntohs(reinterpret_cast<const sockaddr_in*>(&address)->sin_port);
}

void Endpoint::describe() {
    char host[INET6_ADDRSTRLEN] = "?";
    if (family() == AF_INET6) {
        ::inet_ntop(AF_INET6, &reinterpret_cast<const sockaddr_in6*>(&address)->sin6_addr, host, sizeof host);
        text = fmt::format("[{}]:{}", host, port());
    } else {
        ::inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in*>(&address)->sin_addr, host, sizeof host);
        text = fmt::format("{}:{}", host, port());
    }
}

Endpoint loopback_endpoint(std::string_view where, std::string_view host, int port) {
    if (port < 0 || port > 65535) {
        throw std::invalid_argument(fmt::format("{}: port {} is not in 0..65535", where, port));
    }
    const std::string name = host == "localhost" ? std::string("127.0.0.1") : std::string(host);
    Endpoint endpoint;
    auto* v4 = reinterpret_cast<sockaddr_in*>(&endpoint.address);
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&endpoint.address);
    if (::inet_pton(AF_INET, name.c_str(), &v4->sin_addr) == 1 && (ntohl(v4->sin_addr.s_addr) >> 24) == 127) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons(static_cast<std::uint16_t>(port));
        endpoint.length = sizeof(sockaddr_in);
    } else if (endpoint.address = {};
               ::inet_pton(AF_INET6, name.c_str(), &v6->sin6_addr) == 1 && IN6_IS_ADDR_LOOPBACK(&v6->sin6_addr)) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons(static_cast<std::uint16_t>(port));
        endpoint.length = sizeof(sockaddr_in6);
    } else {
        throw std::invalid_argument(
            fmt::format("{}: host \"{}\" is not a loopback address (the course talks only to its own machine: "
                        "127.0.0.1, ::1 or localhost)",
                        where, host));
    }
    endpoint.describe();
    return endpoint;
}

Fd tcp_socket(std::string_view where, int family) {
    count_syscall();
    Fd fd(::socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0));
    if (!fd.valid()) throw_errno(errno, fmt::format("{}: socket", where));
    return fd;
}

void set_nodelay(int fd, std::string_view where) {
    const int on = 1;
    count_syscall();
    if (::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &on, sizeof on) != 0) {
        throw_errno(errno, fmt::format("{}: setsockopt(TCP_NODELAY)", where));
    }
}

Fd listening_socket(const Endpoint& endpoint, int backlog) {
    const std::string where = fmt::format("start_server on {}", endpoint.text);
    Fd fd = tcp_socket(where, endpoint.family());
    const int on = 1;
    count_syscall();
    if (::setsockopt(fd.get(), SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) != 0) {
        throw_errno(errno, where + ": setsockopt(SO_REUSEADDR)");
    }
    count_syscall();
    if (::bind(fd.get(), endpoint.get(), endpoint.length) != 0) throw_errno(errno, where + ": bind");
    count_syscall();
    if (::listen(fd.get(), backlog) != 0) throw_errno(errno, where + ": listen");
    return fd;
}

Endpoint local_endpoint(int fd) {
    Endpoint endpoint;
    endpoint.length = sizeof endpoint.address;
    count_syscall();
    if (::getsockname(fd, endpoint.get(), &endpoint.length) != 0) throw_errno(errno, "getsockname");
    endpoint.describe();
    return endpoint;
}

Fd accept_connection(int listening_fd, Endpoint& peer) {
    peer.length = sizeof peer.address;
    count_syscall();
    Fd fd(::accept4(listening_fd, peer.get(), &peer.length, SOCK_NONBLOCK | SOCK_CLOEXEC));
    if (!fd.valid()) return fd;
    peer.describe();
    set_nodelay(fd.get(), "accept from " + peer.text);
    return fd;
}

int start_connect(int fd, const Endpoint& endpoint) {
    count_syscall();
    if (::connect(fd, endpoint.get(), endpoint.length) == 0) return 0;
    return errno;
}

int connect_result(int fd) {
    int error = 0;
    socklen_t length = sizeof error;
    count_syscall();
    if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length) != 0) return errno;
    return error;
}

}  // namespace aio::detail
