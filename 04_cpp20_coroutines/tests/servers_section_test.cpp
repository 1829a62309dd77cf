// The machinery of section "servers", run small and without timing: every server answers every
// request of a bounded load with the right line, then stops by itself, joins every thread it
// started and closes every socket. The figures the section prints are real time: not tested.
#include "course_test.hpp"

#include <cstddef>
#include <filesystem>
#include <iterator>
#include <thread>
#include <vector>

#include "blocking_servers.hpp"
#include "load_generator.hpp"
#include "loop_server.hpp"
#include "open_fds.hpp"
#include "request_handler.hpp"

namespace {

std::size_t threads() {
    return static_cast<std::size_t>(
        std::distance(std::filesystem::directory_iterator("/proc/self/task"), std::filesystem::directory_iterator{}));
}

// 3 clients x 4 requests, with no database wait: quick, and still every server model's path.
const servers::LoadPlan small_load{.clients = 3, .requests_per_client = 4};

template <class Server, class... Args>
void check_server(Args... args) {
    std::thread([] {}).join();  // ThreadSanitizer starts a thread of its own with the first one: before counting
    const std::size_t fds_before = course_test::open_fds();
    const std::size_t threads_before = threads();
    {
        const Server server(args..., 0.0);
        const servers::LoadReport report = servers::generate_load(server.port(), small_load);
        CHECK(report.answered == 12);
        CHECK(report.wrong == 0);
        CHECK(report.failed == 0);
        CHECK(report.latencies.size() == 12);
        CHECK(server.served() == 12);
    }
    CHECK(course_test::open_fds() == fds_before);
    CHECK(threads() == threads_before);
}

}  // namespace

TEST_CASE("the handler answers GET /item/X with its item over HTTP, and 405, 404 or 400 otherwise") {
    CHECK(servers::request_for(3, 7) == "GET /item/3-7 HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
    CHECK(servers::answer("GET /item/3-7 HTTP/1.1") ==
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 9\r\nConnection: close\r\n"
          "\r\nitem 3-7\n");
    CHECK(servers::answer("GET /item/3-7").starts_with("HTTP/1.1 400 Bad Request\r\n"));
    CHECK(servers::answer("POST /item/1 HTTP/1.0").starts_with("HTTP/1.1 405 Method Not Allowed\r\n"));
    CHECK(servers::answer("GET /other HTTP/1.0").starts_with("HTTP/1.1 404 Not Found\r\n"));
}

TEST_CASE("server (a), one at a time: every request answered, its thread joined, every fd closed") {
    check_server<servers::BlockingServer>(servers::Threading::one_at_a_time);
}

TEST_CASE("server (b), a thread per connection: every request answered, every thread joined, every fd closed") {
    check_server<servers::BlockingServer>(servers::Threading::thread_per_connection);
}

TEST_CASE("server (c), the event loop: every request answered, its thread joined, every fd closed") {
    check_server<servers::LoopServer>();
}

TEST_CASE("a client that connects and leaves without a word does not stop a server") {
    for (const servers::Threading threading :
         {servers::Threading::one_at_a_time, servers::Threading::thread_per_connection}) {
        const servers::BlockingServer server(threading, 0.0);
        { const blocking::Fd silent = blocking::connect_loopback(server.port()); }
        const servers::LoadReport report =
            servers::generate_load(server.port(), {.clients = 1, .requests_per_client = 2});
        CHECK(report.answered == 2);
        CHECK(server.served() == 2);
    }
}

TEST_CASE("latency percentiles are nearest-rank over the sorted latencies") {
    std::vector<double> latencies;
    for (int i = 1; i <= 200; ++i) latencies.push_back(i / 1000.0);
    const servers::LatencySummary summary = servers::summarize(latencies);
    CHECK(summary.p50 == 0.100);
    CHECK(summary.p90 == 0.180);
    CHECK(summary.p99 == 0.198);
    CHECK(summary.max == 0.200);
    CHECK(servers::summarize({}).max == 0.0);
    CHECK(servers::summarize({0.5}).p50 == 0.5);
}
