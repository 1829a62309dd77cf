// 04_asio_echo_bench: 04_bench's TCP echo workload written with standalone Asio and C++20
// coroutines (asio::awaitable, co_spawn, use_awaitable), so aio can be compared with a
// production library doing the same thing. 04_bench runs it and prints its figures next to its
// own.
//
//     04_asio_echo_bench [--json]
//
// 100 clients on 127.0.0.1, each writing 64 bytes and reading exactly 64 back, 1'000 times;
// the server echoes what it reads. Server and clients on one io_context, then on two, each
// run by its own thread.
#include <array>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <string_view>
#include <system_error>
#include <thread>
#include <vector>

#include <asio.hpp>
#include <fmt/format.h>

#include "common/allocation_count.hpp"

namespace {

using asio::ip::tcp;

constexpr int clients = 100;
constexpr int round_trips = 1'000;
constexpr std::size_t message_size = 64;
constexpr long total = static_cast<long>(clients) * round_trips;

// Round trips done by every client of one io_context, and the allocations made when 10% and
// 90% of them were done: the steady state, as 04_bench measures it.
struct Progress {
    long done = 0;
    std::size_t allocations_at_10 = 0;
    std::size_t allocations_at_90 = 0;

    void round_trip_done() {
        ++done;
        if (done == total / 10) allocations_at_10 = allocations_so_far();
        if (done == total / 10 * 9) allocations_at_90 = allocations_so_far();
    }
    [[nodiscard]] double allocations_per_round_trip() const {
        return static_cast<double>(allocations_at_90 - allocations_at_10) / static_cast<double>(total / 10 * 8);
    }
};

// One connection, served until the client closes it.
asio::awaitable<void> echo_session(tcp::socket socket) {
    socket.set_option(tcp::no_delay(true));
    std::array<char, 1024> data{};
    std::error_code error;
    while (true) {
        const std::size_t n =
            co_await socket.async_read_some(asio::buffer(data), asio::redirect_error(asio::use_awaitable, error));
        if (error) co_return;  // end of file: the client is done
        co_await asio::async_write(socket, asio::buffer(data, n), asio::redirect_error(asio::use_awaitable, error));
        if (error) co_return;
    }
}

// Accepts `count` connections, each served by a coroutine of its own, then stops listening.
asio::awaitable<void> serve(tcp::acceptor acceptor, int count) {
    for (int i = 0; i < count; ++i) {
        tcp::socket socket = co_await acceptor.async_accept(asio::use_awaitable);
        asio::co_spawn(acceptor.get_executor(), echo_session(std::move(socket)), asio::detached);
    }
}

asio::awaitable<void> client(tcp::endpoint server, Progress& progress) {
    tcp::socket socket(co_await asio::this_coro::executor);
    co_await socket.async_connect(server, asio::use_awaitable);
    socket.set_option(tcp::no_delay(true));
    std::array<char, message_size> out{};
    std::array<char, message_size> in{};
    out.fill('x');
    for (int i = 0; i < round_trips; ++i) {
        co_await asio::async_write(socket, asio::buffer(out), asio::use_awaitable);
        co_await asio::async_read(socket, asio::buffer(in), asio::use_awaitable);  // exactly 64 bytes
        if (in != out) throw std::runtime_error("echo: the server sent back other bytes");
        progress.round_trip_done();
    }
}

struct Measured {
    double round_trips_per_s;
    double allocations_per_round_trip;
};

tcp::acceptor listening(asio::io_context& context) {
    return tcp::acceptor(context, tcp::endpoint(asio::ip::make_address("127.0.0.1"), 0));
}

void spawn_clients(asio::io_context& context, tcp::endpoint server, Progress& progress) {
    for (int i = 0; i < clients; ++i) asio::co_spawn(context, client(server, progress), asio::detached);
}

// Round trips per second of the clients, run by this thread on `context`.
double run_clients(asio::io_context& context) {
    const auto start = std::chrono::steady_clock::now();
    context.run();
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return static_cast<double>(total) / elapsed;
}

// Server and clients on one io_context, run by this thread.
Measured one_context() {
    asio::io_context context(1);
    tcp::acceptor acceptor = listening(context);
    const tcp::endpoint server = acceptor.local_endpoint();
    asio::co_spawn(context, serve(std::move(acceptor), clients), asio::detached);
    Progress progress;
    spawn_clients(context, server, progress);
    const double rate = run_clients(context);
    if (progress.done != total) throw std::runtime_error("echo: a client failed");
    return {rate, progress.allocations_per_round_trip()};
}

// The server's io_context in a thread of its own, the clients' in this one.
Measured two_contexts() {
    asio::io_context server_context(1);
    asio::io_context client_context(1);
    tcp::acceptor acceptor = listening(server_context);
    const tcp::endpoint server = acceptor.local_endpoint();
    asio::co_spawn(server_context, serve(std::move(acceptor), clients), asio::detached);
    std::thread server_thread([&server_context] { server_context.run(); });
    Progress progress;
    spawn_clients(client_context, server, progress);
    const double rate = run_clients(client_context);
    server_thread.join();  // the sessions end as the clients close their sockets
    if (progress.done != total) throw std::runtime_error("echo: a client failed");
    return {rate, progress.allocations_per_round_trip()};
}

}  // namespace

int main(int argc, char** argv) {
    bool json = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--json") {
            json = true;
        } else if (arg == "--help" || arg == "-h") {
            fmt::print("usage: 04_asio_echo_bench [--json]\n  --json  print the figures as one JSON object\n");
            return 0;
        } else {
            fmt::print(stderr, "04_asio_echo_bench: unknown argument '{}' (use --json)\n", arg);
            return 2;
        }
    }
    try {
        const Measured one = one_context();
        const Measured two = two_contexts();
        if (json) {
            fmt::print(
                "{{\"echo_rt_per_s\": {:.1f}, \"echo_rt_per_s_2loops\": {:.1f}, \"echo_allocs_per_rt\": {:.4f}}}\n",
                one.round_trips_per_s, two.round_trips_per_s, one.allocations_per_round_trip);
        } else {
            fmt::print("Asio {}.{}.{}, {} clients x {} round trips of {} bytes on 127.0.0.1\n", ASIO_VERSION / 100000,
                       ASIO_VERSION / 100 % 1000, ASIO_VERSION % 100, clients, round_trips, message_size);
            fmt::print("round trips/s, one io_context          {:>12.0f}\n", one.round_trips_per_s);
            fmt::print("round trips/s, two io_contexts, threads {:>11.0f}\n", two.round_trips_per_s);
            fmt::print("allocations per round trip, steady state {:>10.4f}\n", one.allocations_per_round_trip);
        }
    } catch (const std::exception& error) {
        fmt::print(stderr, "04_asio_echo_bench: {}\n", error.what());
        return 1;
    }
    return 0;
}
