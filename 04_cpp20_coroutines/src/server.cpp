#include "aio/server.hpp"

#include <sys/socket.h>

#include <cerrno>
#include <exception>
#include <stdexcept>
#include <utility>

#include <fmt/format.h>

#include "aio/connection.hpp"
#include "aio/errors.hpp"
#include "aio/io_watch.hpp"
#include "aio/notifier.hpp"
#include "aio/sleep.hpp"
#include "aio/socket.hpp"
#include "aio/stream_errors.hpp"
#include "aio/task.hpp"

namespace aio {

namespace detail {

// What the Server handle, the accepting task and the handlers' tasks share.
struct ServerState {
    ServerState(Fd listening, std::string name, ClientConnected client_connected)
        : fd(std::move(listening)), address(std::move(name)), handler(std::move(client_connected)) {
        watch.watch(fd.get());
    }
    ServerState(const ServerState&) = delete;
    ServerState& operator=(const ServerState&) = delete;
    ~ServerState() = default;

    void close() noexcept {
        if (closed) return;
        closed = true;
        watch.reset();  // the accepting task wakes up and sees `closed`
        fd.close();
        changed.notify_all();
    }
    [[nodiscard]] bool finished() const noexcept { return closed && !accepting && handlers == 0; }
    void accepting_stopped() noexcept {
        accepting = false;
        changed.notify_all();
    }
    void handler_finished() noexcept {
        --handlers;
        changed.notify_all();
    }

    Fd fd;
    IoWatch watch;  // declared after fd: leaves epoll before the fd is closed
    std::string address;
    ClientConnected handler;
    int port = 0;
    bool closed = false;
    bool accepting = true;     // the accepting task runs
    std::size_t handlers = 0;  // handler tasks running
    Notifier changed;          // closed, accepting or handlers changed
};

}  // namespace detail

namespace {

using detail::ServerState;

// Runs `action` on the state when the frame that holds it goes, however the task ends (returns,
// throws, is cancelled, or is destroyed with the loop).
class AtExit {
public:
    AtExit(std::shared_ptr<ServerState> state, void (ServerState::*action)() noexcept) noexcept
        : state_(std::move(state)), action_(action) {}
    AtExit(const AtExit&) = delete;
    AtExit& operator=(const AtExit&) = delete;
    ~AtExit() { ((*state_).*action_)(); }

private:
    std::shared_ptr<ServerState> state_;
    void (ServerState::*action_)() noexcept;
};

void report(const std::string& message, std::exception_ptr error) {
    get_running_loop().call_exception_handler({message, std::move(error)});
}

// One connection's task: the handler's exception is reported, never lost, and never ends the
// server.
Coroutine<void> serve_client(std::shared_ptr<ServerState> state, StreamReader reader, StreamWriter writer) {
    ++state->handlers;
    const AtExit finished(state, &ServerState::handler_finished);
    try {
        co_await state->handler(std::move(reader), std::move(writer));
    } catch (const CancelledError&) {
        throw;
    } catch (...) {
        report(fmt::format("Unhandled exception in client_connected_cb (server {})", state->address),
               std::current_exception());
    }
}

// asyncio waits this long before accepting again when it is out of descriptors or memory
// (ACCEPT_RETRY_DELAY): a connection closing meanwhile frees one.
constexpr double accept_retry_delay = 1.0;

Coroutine<void> accept_connections(std::shared_ptr<ServerState> state) {
    const AtExit stopped(state, &ServerState::accepting_stopped);
    while (!state->closed) {
        if (!state->watch.may_read()) {
            co_await state->watch.readable();
            continue;
        }
        bool retry_later = false;
        try {
            detail::Endpoint peer;
            detail::Fd fd = detail::accept_connection(state->fd.get(), peer);
            if (fd.valid()) {
                auto connection = std::make_shared<detail::Connection>(std::move(fd), peer.text);
                create_task(serve_client(state, StreamReader(connection), StreamWriter(connection)));
            } else if (errno == EAGAIN || errno == EWOULDBLOCK) {
                state->watch.read_would_block();
            } else if (errno != EINTR && errno != ECONNABORTED) {  // those two: try the next one
                detail::throw_errno(errno, fmt::format("accept on {}", state->address));
            }
        } catch (const std::exception&) {  // out of descriptors (EMFILE), of memory, ...
            report(
                fmt::format("Error accepting a connection on {}, retrying in {} s", state->address, accept_retry_delay),
                std::current_exception());
            retry_later = true;
        }
        if (retry_later) co_await sleep(accept_retry_delay);
    }
}

Coroutine<void> wait_closed(std::shared_ptr<ServerState> state) {
    while (!state->finished()) co_await state->changed.wait();
}

Coroutine<void> serve_forever(std::shared_ptr<ServerState> state) {
    try {
        while (!state->closed) co_await state->changed.wait();
    } catch (const CancelledError&) {
        state->close();
        throw;
    }
}

}  // namespace

Server& Server::operator=(Server&& other) noexcept {
    if (this != &other) {
        close();
        state_ = std::move(other.state_);
    }
    return *this;
}

Server::~Server() { close(); }

int Server::port() const {
    if (!state_) throw std::logic_error("Server::port: an empty server (moved from)");
    return state_->port;
}

bool Server::is_serving() const noexcept { return state_ && !state_->closed; }

void Server::close() {
    if (state_) state_->close();
}

Coroutine<void> Server::wait_closed() {
    if (!state_) throw std::logic_error("Server::wait_closed: an empty server (moved from)");
    return aio::wait_closed(state_);
}

Coroutine<void> Server::serve_forever() {
    if (!state_) throw std::logic_error("Server::serve_forever: an empty server (moved from)");
    return aio::serve_forever(state_);
}

Coroutine<Server> start_server(ClientConnected handler, std::string host, int port) {
    if (!handler) throw std::invalid_argument("start_server: an empty handler");
    const detail::Endpoint endpoint = detail::loopback_endpoint("start_server", host, port);
    detail::Fd fd = detail::listening_socket(endpoint, SOMAXCONN);
    const detail::Endpoint bound = detail::local_endpoint(fd.get());
    auto state = std::make_shared<ServerState>(std::move(fd), bound.text, std::move(handler));
    state->port = bound.port();
    create_task(accept_connections(state));
    co_return Server(std::move(state));
}

}  // namespace aio
