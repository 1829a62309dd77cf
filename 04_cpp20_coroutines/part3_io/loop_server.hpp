// Server (c) of section "servers": the ASGI way. One thread runs an aio event loop (on a real
// clock); start_server gives each connection a task, and the task awaits the database with
// aio::sleep, so the loop serves the other connections meanwhile.
#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>

namespace servers {

// Listens on 127.0.0.1 (a free port) from its own thread and loop. The destructor asks the
// loop to close the server (call_soon_threadsafe), and joins the thread once aio::run is over:
// every task finished or cancelled, every socket closed.
class LoopServer {
public:
    explicit LoopServer(double database_wait);
    LoopServer(const LoopServer&) = delete;
    LoopServer& operator=(const LoopServer&) = delete;
    ~LoopServer();
    [[nodiscard]] int port() const noexcept { return port_; }
    // Requests answered so far (counted as the answer goes out).
    [[nodiscard]] std::size_t served() const noexcept { return served_.load(); }

    struct Shared;  // what the loop's thread and this one share (loop_server.cpp)

private:
    std::atomic<std::size_t> served_{0};
    int port_ = 0;
    std::unique_ptr<Shared> shared_;
    std::thread thread_;
};

}  // namespace servers
