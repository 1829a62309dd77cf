// The plain socket calls the streams are made of: an owned file descriptor, loopback addresses,
// and non-blocking TCP sockets (listen, accept, connect). Every call is counted on the running
// loop (EventLoop::syscalls). Used by streams.hpp and server.hpp.
#pragma once

#include <sys/socket.h>

#include <string>
#include <string_view>
#include <utility>

namespace aio::detail {

// Adds one to the running loop's system call count; does nothing outside a running loop (a
// destructor that runs after the loop is gone makes its calls on nobody's behalf).
void count_syscall() noexcept;

// Owns one file descriptor: closes it when it goes. Move-only, like std::unique_ptr.
class Fd {
public:
    Fd() noexcept = default;
    explicit Fd(int fd) noexcept : fd_(fd) {}
    Fd(Fd&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}
    Fd& operator=(Fd&& other) noexcept {
        if (this != &other) {
            close();
            fd_ = std::exchange(other.fd_, -1);
        }
        return *this;
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd() { close(); }

    [[nodiscard]] int get() const noexcept { return fd_; }
    [[nodiscard]] bool valid() const noexcept { return fd_ >= 0; }
    // Closes it now (counted); does nothing if it is closed already.
    void close() noexcept;

private:
    int fd_ = -1;
};

// A loopback address and port, ready for bind() and connect().
struct Endpoint {
    sockaddr_storage address{};
    socklen_t length = 0;
    std::string text;  // "127.0.0.1:8080" or "[::1]:8080", for error messages

    [[nodiscard]] int family() const noexcept { return address.ss_family; }
    [[nodiscard]] int port() const noexcept;
    [[nodiscard]] const sockaddr* get() const noexcept { return reinterpret_cast<const sockaddr*>(&address); }
    [[nodiscard]] sockaddr* get() noexcept { return reinterpret_cast<sockaddr*>(&address); }
    // Sets `text` from `address`.
    void describe();
};

// "localhost", a numeric IPv4 loopback address (127.0.0.1) or IPv6's ::1, and a port in
// 0..65535. Anything else throws std::invalid_argument, saying who asked (`where`): the course
// only ever talks to its own machine, so it never resolves names nor reaches another host.
Endpoint loopback_endpoint(std::string_view where, std::string_view host, int port);

// A TCP socket, non-blocking and close-on-exec from the start (SOCK_NONBLOCK | SOCK_CLOEXEC: no
// window in which another thread's fork() could inherit it).
Fd tcp_socket(std::string_view where, int family);
// Nagle's algorithm off: a small write leaves at once instead of waiting for the peer's ACK
// (request/response traffic would otherwise stall 40 ms per round trip).
void set_nodelay(int fd, std::string_view where);
// A socket bound to `endpoint` and listening; SO_REUSEADDR, so a server restarted at once can
// bind its port again while the old connections sit in TIME_WAIT.
Fd listening_socket(const Endpoint& endpoint, int backlog);
// The address a bound socket has (bind to port 0 picks a free port).
Endpoint local_endpoint(int fd);
// accept4: a new non-blocking, close-on-exec connection with TCP_NODELAY, and the peer's
// address in `peer`; or an invalid Fd with errno set (EAGAIN: nobody is waiting).
Fd accept_connection(int listening_fd, Endpoint& peer);
// Starts a non-blocking connect: 0 (connected), EINPROGRESS (finish with connect_result once
// the socket is writable), or the errno of the failure.
int start_connect(int fd, const Endpoint& endpoint);
// The outcome of a connect that was in progress: 0 or its errno (SO_ERROR).
int connect_result(int fd);

}  // namespace aio::detail
