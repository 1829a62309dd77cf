#include "blocking_servers.hpp"

#include <chrono>
#include <exception>
#include <list>
#include <string>
#include <system_error>
#include <utility>

#include "request_handler.hpp"

namespace servers {

namespace {
// How often an idle acceptor looks at its stop flag: how long stopping it takes at most.
constexpr std::chrono::milliseconds stop_check{20};

// A client that connected and left before accept() (ECONNABORTED), or no fd left (EMFILE): the
// server goes on, as a real one does.
blocking::Fd accept_or_nothing(const blocking::Fd& listener) noexcept {
    try {
        return blocking::accept_connection(listener);
    } catch (const std::system_error&) {
        return blocking::Fd{};
    }
}
}  // namespace

BlockingServer::BlockingServer(Threading threading, double database_wait)
    : listener_(blocking::listen_loopback(0)), port_(blocking::local_port(listener_)), database_wait_(database_wait) {
    if (threading == Threading::one_at_a_time) {
        acceptor_ = std::jthread([this](std::stop_token stop) { serve_one_at_a_time(std::move(stop)); });
    } else {
        acceptor_ = std::jthread([this](std::stop_token stop) { serve_thread_per_connection(std::move(stop)); });
    }
}

void BlockingServer::serve_connection(blocking::Fd connection) noexcept {
    if (connection.get() < 0) return;
    try {
        const std::string head = blocking::read_head(connection);
        if (head.empty()) return;  // connected, then closed without a word
        const std::string reply = answer_blocking(head.substr(0, head.find("\r\n")), database_wait_);
        ++served_;  // before the send: once the client has its answer, the count includes it
        blocking::send_all(connection, reply);
    } catch (const std::exception&) {  // the client went away: nobody to answer
    }
}

// (a): while this thread waits for the database, every other client waits in the listen backlog.
void BlockingServer::serve_one_at_a_time(std::stop_token stop) {
    while (!stop.stop_requested()) {
        if (!blocking::wait_for_connection(listener_, stop_check)) continue;
        serve_connection(accept_or_nothing(listener_));
    }
}

// (b): one thread per connection; a thread that finished is joined at the next accept.
void BlockingServer::serve_thread_per_connection(std::stop_token stop) {
    struct Worker {
        std::atomic<bool> finished{false};
        std::thread thread;
    };
    std::list<Worker> workers;  // a list: each thread holds its Worker's address
    const auto join_finished = [&workers] {
        for (auto it = workers.begin(); it != workers.end();) {
            if (!it->finished.load()) {
                ++it;
                continue;
            }
            it->thread.join();
            it = workers.erase(it);
        }
    };
    while (!stop.stop_requested()) {
        join_finished();
        if (!blocking::wait_for_connection(listener_, stop_check)) continue;
        blocking::Fd connection = accept_or_nothing(listener_);
        if (connection.get() < 0) continue;
        Worker& worker = workers.emplace_back();
        try {
            worker.thread = std::thread(
                [this, &worker](blocking::Fd client) {
                    serve_connection(std::move(client));
                    worker.finished.store(true);
                },
                std::move(connection));
        } catch (const std::system_error&) {  // no thread to be had: this client is not answered
            workers.pop_back();
        }
    }
    for (Worker& worker : workers) worker.thread.join();
}

}  // namespace servers
