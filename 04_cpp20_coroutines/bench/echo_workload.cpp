#include "echo_workload.hpp"

#include <array>
#include <chrono>
#include <cstdint>
#include <exception>
#include <future>
#include <span>
#include <stdexcept>
#include <string_view>
#include <thread>
#include <vector>

#include "aio/aio.hpp"
#include "aio/streams.hpp"
#include "common/allocation_count.hpp"

namespace echo {
namespace {

constexpr long total = static_cast<long>(clients) * round_trips;
constexpr double time_limit = 30.0;  // seconds per layout: a stuck connection ends the run, not the bench

// The server's side of one connection: what comes in goes straight back out.
aio::Coroutine<void> echo_back(aio::StreamReader reader, aio::StreamWriter writer) {
    std::array<char, 512> buffer{};
    while (true) {
        const std::size_t n = co_await reader.read_into(buffer);
        if (n == 0) break;
        writer.write(std::string_view(buffer.data(), n));
        co_await writer.drain();
    }
    writer.close();
    co_await writer.wait_closed();
}

// Round trips done by every client together, and what had been spent when 10% and 90% of them
// were done: the steady state, without the connects and closes.
struct Progress {
    const aio::EventLoop* loop = nullptr;  // when it runs server and clients both
    long done = 0;
    std::size_t allocations_at_10 = 0;
    std::size_t allocations_at_90 = 0;
    std::uint64_t syscalls_at_10 = 0;
    std::uint64_t syscalls_at_90 = 0;

    void round_trip_done() {
        ++done;
        if (done != total / 10 && done != total / 10 * 9) return;
        const bool first = done == total / 10;
        (first ? allocations_at_10 : allocations_at_90) = allocations_so_far();
        if (loop != nullptr) (first ? syscalls_at_10 : syscalls_at_90) = loop->syscalls();
    }
    [[nodiscard]] double per_round_trip(double spent) const { return spent / static_cast<double>(total / 10 * 8); }
};

aio::Coroutine<void> client(int port, Progress& progress) {
    std::pair<aio::StreamReader, aio::StreamWriter> connection = co_await aio::open_connection("127.0.0.1", port);
    aio::StreamReader& reader = connection.first;
    aio::StreamWriter& writer = connection.second;
    std::array<char, message_size> out{};
    out.fill('x');
    std::array<char, message_size> in{};
    for (int trip = 0; trip < round_trips; ++trip) {
        writer.write(std::string_view(out.data(), out.size()));
        co_await writer.drain();
        std::size_t got = 0;
        while (got < in.size()) {  // exactly 64 bytes, however the kernel cuts them
            const std::size_t n = co_await reader.read_into(std::span<char>(in).subspan(got));
            if (n == 0) throw std::runtime_error("echo: the server closed the connection early");
            got += n;
        }
        if (in != out) throw std::runtime_error("echo: the server sent back other bytes");
        progress.round_trip_done();
    }
    writer.close();
    co_await writer.wait_closed();
}

aio::Coroutine<void> all_clients(int port, Progress& progress) {
    std::vector<aio::Task<void>> running;
    running.reserve(clients);
    for (int i = 0; i < clients; ++i) running.push_back(aio::create_task(client(port, progress)));
    for (aio::Task<void>& task : running) co_await task;
}

double seconds_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Round trips per second of the clients, against the server listening on `port`.
aio::Coroutine<double> timed_clients(int port, Progress& progress) {
    const auto start = std::chrono::steady_clock::now();
    co_await aio::wait_for(all_clients(port, progress), time_limit);
    co_return static_cast<double>(total) / seconds_since(start);
}

// ---- (a) server and clients on one loop ----

aio::Coroutine<common::BenchFigures> one_loop() {
    aio::Server server = co_await aio::start_server(echo_back, "127.0.0.1", 0);
    Progress progress;
    progress.loop = &aio::get_running_loop();
    common::BenchFigures figures;
    figures["echo_rt_per_s"] = co_await timed_clients(server.port(), progress);
    figures["echo_syscalls_per_rt"] =
        progress.per_round_trip(static_cast<double>(progress.syscalls_at_90 - progress.syscalls_at_10));
    figures["echo_allocs_per_rt"] =
        progress.per_round_trip(static_cast<double>(progress.allocations_at_90 - progress.allocations_at_10));
    server.close();
    co_await server.wait_closed();
    co_return figures;
}

// ---- (b) the server's loop in a thread of its own, on the real clock ----

struct ServerSide {
    int port;
    aio::EventLoop* loop;
    aio::Future<void>* stop;  // set through loop->call_soon_threadsafe
};

aio::Coroutine<void> serve_until_stopped(std::promise<ServerSide>& ready) {
    aio::Server server = co_await aio::start_server(echo_back, "127.0.0.1", 0);
    aio::Future<void> stop;
    ready.set_value(ServerSide{server.port(), &aio::get_running_loop(), &stop});
    co_await stop;
    server.close();
    co_await server.wait_closed();
}

void run_server(std::promise<ServerSide>& ready) {
    try {
        aio::run(serve_until_stopped(ready));
    } catch (...) {
        try {
            ready.set_exception(std::current_exception());
        } catch (const std::future_error&) {  // it failed after it started: the clients see that
        }
    }
}

double two_loops() {
    std::promise<ServerSide> ready;
    std::future<ServerSide> started = ready.get_future();
    std::thread server_thread(run_server, std::ref(ready));
    ServerSide server{};
    try {
        server = started.get();
    } catch (...) {
        server_thread.join();
        throw;
    }
    Progress progress;
    std::exception_ptr failed;
    double rate = 0.0;
    try {
        rate = aio::run(timed_clients(server.port, progress));
    } catch (...) {
        failed = std::current_exception();
    }
    aio::Future<void>* stop = server.stop;
    server.loop->call_soon_threadsafe([stop] { stop->set_result(); });
    server_thread.join();
    if (failed) std::rethrow_exception(failed);
    return rate;
}

}  // namespace

common::BenchFigures measure() {
    common::BenchFigures figures = aio::run(one_loop());
    figures["echo_rt_per_s_2loops"] = two_loops();
    return figures;
}

}  // namespace echo
