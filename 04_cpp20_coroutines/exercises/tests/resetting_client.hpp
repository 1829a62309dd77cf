// A client that resets its connection, for the exercises on servers: a plain blocking loopback
// socket, closed with SO_LINGER 0, which sends RST instead of FIN. aio's streams cannot do it.
#pragma once

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <string_view>
#include <system_error>

namespace course_test {

class ResettingClient {
public:
    explicit ResettingClient(int port) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
        if (fd_ < 0) throw std::system_error(errno, std::generic_category(), "socket");
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        // Loopback: the kernel completes the handshake from the listen backlog, at once.
        if (::connect(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0) {
            const int error = errno;
            ::close(fd_);
            throw std::system_error(error, std::generic_category(), "connect");
        }
    }
    ResettingClient(const ResettingClient&) = delete;
    ResettingClient& operator=(const ResettingClient&) = delete;
    ~ResettingClient() { reset(); }
    void send(std::string_view data) const {
        if (::send(fd_, data.data(), data.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(data.size()))
            throw std::system_error(errno, std::generic_category(), "send");
    }
    void reset() noexcept {
        if (fd_ < 0) return;
        const linger abort_on_close{1, 0};
        (void)::setsockopt(fd_, SOL_SOCKET, SO_LINGER, &abort_on_close, sizeof abort_on_close);
        ::close(fd_);
        fd_ = -1;
    }

private:
    int fd_;
};

}  // namespace course_test
