#include "loop_server.hpp"

#include <exception>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/streams.hpp"
#include "http_request.hpp"
#include "http_response.hpp"
#include "request_handler.hpp"

namespace servers {

// Filled by the loop's thread once it listens; read by the owner, which then may stop it.
struct LoopServer::Shared {
    std::promise<int> port;  // or the exception start_server threw
    std::mutex mutex;
    aio::EventLoop* loop = nullptr;     // while serve() runs on it (under the mutex)
    aio::Future<void>* stop = nullptr;  // serve()'s, while it runs (read on the loop's thread only)
};

namespace {

// Publishes the running loop and serve()'s stop future for as long as serve()'s frame lives, so
// the owner never reaches a loop or a frame that is gone, however serve() ends.
class Published {
public:
    Published(LoopServer::Shared& shared, aio::Future<void>& stop) : shared_(shared) {
        const std::lock_guard lock(shared_.mutex);
        shared_.loop = &aio::get_running_loop();
        shared_.stop = &stop;
    }
    Published(const Published&) = delete;
    Published& operator=(const Published&) = delete;
    ~Published() {
        const std::lock_guard lock(shared_.mutex);
        shared_.loop = nullptr;
        shared_.stop = nullptr;
    }

private:
    LoopServer::Shared& shared_;
};

// (c): the same handler as (a) and (b), but the wait is a co_await: the loop serves the other
// connections while this one waits for its database.
aio::Coroutine<void> handle_request(aio::StreamReader reader, aio::StreamWriter writer, double database_wait,
                                    std::atomic<std::size_t>* served) {
    try {
        const std::optional<http::Request> request = co_await http::read_request(reader);
        if (request) {
            co_await aio::sleep(database_wait);
            ++*served;  // before the write: once the client has its answer, the count includes it
            writer.write(answer(fmt::format("{} {} {}", request->method, request->target, request->version)));
            co_await writer.drain();
        }
    } catch (const http::ProtocolError& error) {  // a request it cannot read: its status, no wait
        writer.write(http::format_response(http::status_response(error.status())));
    } catch (const std::exception&) {  // the client went away: nobody to answer
    }
    writer.close();
    co_await writer.wait_closed();
}

aio::Coroutine<void> serve(double database_wait, std::atomic<std::size_t>* served, LoopServer::Shared* shared) {
    const aio::ClientConnected handler = [database_wait, served](aio::StreamReader reader, aio::StreamWriter writer) {
        return handle_request(std::move(reader), std::move(writer), database_wait, served);
    };
    aio::Server server = co_await aio::start_server(handler, "127.0.0.1", 0);
    aio::Future<void> stop;
    const Published published(*shared, stop);
    shared->port.set_value(server.port());
    co_await stop;
    server.close();
    co_await server.wait_closed();
}

void run_server(double database_wait, std::atomic<std::size_t>* served, LoopServer::Shared* shared) {
    try {
        aio::run(serve(database_wait, served, shared));  // a real clock: the clients are real
    } catch (...) {
        try {
            shared->port.set_exception(std::current_exception());
        } catch (const std::future_error&) {  // it failed after it had started: the owner is told no more
        }
    }
}

}  // namespace

LoopServer::LoopServer(double database_wait) : shared_(std::make_unique<Shared>()) {
    std::future<int> port = shared_->port.get_future();
    thread_ = std::thread(run_server, database_wait, &served_, shared_.get());
    try {
        port_ = port.get();
    } catch (...) {
        thread_.join();
        throw;
    }
}

LoopServer::~LoopServer() {
    {
        const std::lock_guard lock(shared_->mutex);
        if (shared_->loop != nullptr) {
            Shared* shared = shared_.get();
            shared_->loop->call_soon_threadsafe([shared] {
                if (shared->stop != nullptr && !shared->stop->done()) shared->stop->set_result();
            });
        }
    }
    thread_.join();
}

}  // namespace servers
