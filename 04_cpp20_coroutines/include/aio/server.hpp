// asyncio's start_server: a listening socket on the loopback interface, a task that accepts
// connections, and one task per connection running your handler with its reader and writer.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "aio/coroutine.hpp"
#include "aio/streams.hpp"

namespace aio {

namespace detail {
struct ServerState;
}

// The handler start_server runs for each connection (asyncio's client_connected_cb). Its
// exception does not end the server: it goes to the loop's exception handler, as asyncio logs
// "Unhandled exception in client_connected_cb". When it returns and drops its reader and
// writer, the connection closes (once what was written is sent).
// A plain function, or a lambda that calls one: a lambda that is itself a coroutine must not
// capture, its captures dangle (COMPILERS.md, pitfall 2).
using ClientConnected = std::function<Coroutine<void>(StreamReader, StreamWriter)>;

// asyncio.Server. Move-only: destroying it closes it (the listening socket; connections made
// already go on until their handlers finish).
class Server {
public:
    explicit Server(std::shared_ptr<detail::ServerState> state) noexcept : state_(std::move(state)) {}
    Server(Server&&) noexcept = default;
    Server& operator=(Server&& other) noexcept;
    Server(const Server&) = delete;
    Server& operator=(const Server&) = delete;
    ~Server();

    // The port bound: start_server with port 0 gets a free one from the kernel.
    [[nodiscard]] int port() const;
    // Still accepting (asyncio: is_serving()).
    [[nodiscard]] bool is_serving() const noexcept;
    // Stops accepting and closes the listening socket. Connections made already go on.
    void close();
    // Waits until the server is closed and every connection's handler has returned
    // (asyncio 3.12's wait_closed).
    Coroutine<void> wait_closed();
    // Serves until cancelled (then closes the server and lets CancelledError go on) or until
    // close() is called elsewhere (then returns; asyncio raises CancelledError there).
    Coroutine<void> serve_forever();

private:
    std::shared_ptr<detail::ServerState> state_;
};

// asyncio.start_server: listens on host:port (127.0.0.1, ::1 or localhost only, else
// std::invalid_argument) and accepts at once. Port 0 picks a free port: see Server::port().
Coroutine<Server> start_server(ClientConnected handler, std::string host, int port);

}  // namespace aio
