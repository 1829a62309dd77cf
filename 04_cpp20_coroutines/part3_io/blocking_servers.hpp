// Servers (a) and (b) of section "servers": blocking sockets, the WSGI way. (a) serves one
// connection at a time in one thread; (b) starts a thread per connection. Each connection
// carries one HTTP request and its response ("Connection: close": no keep-alive).
#pragma once

#include <atomic>
#include <cstddef>
#include <thread>

#include "blocking_socket.hpp"

namespace servers {

enum class Threading { one_at_a_time, thread_per_connection };

// Listens on 127.0.0.1 (a free port) in a thread of its own. The destructor stops it: the
// acceptor looks at its stop flag every 20 ms, joins every connection thread it started, and
// every socket is closed by its Fd.
class BlockingServer {
public:
    BlockingServer(Threading threading, double database_wait);
    [[nodiscard]] int port() const noexcept { return port_; }
    // Requests answered so far (counted as the answer goes out).
    [[nodiscard]] std::size_t served() const noexcept { return served_.load(); }

private:
    void serve_one_at_a_time(std::stop_token stop);
    void serve_thread_per_connection(std::stop_token stop);
    void serve_connection(blocking::Fd connection) noexcept;

    blocking::Fd listener_;
    int port_;
    double database_wait_;
    std::atomic<std::size_t> served_{0};
    std::jthread acceptor_;  // last: stopped and joined before the rest goes
};

}  // namespace servers
