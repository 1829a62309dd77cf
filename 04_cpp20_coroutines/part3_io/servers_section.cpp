#include <string>

#include <fmt/format.h>

#include "blocking_servers.hpp"
#include "load_generator.hpp"
#include "loop_server.hpp"
#include "request_handler.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Long enough for the servers to reach their pace, short enough for the three to take a few
// seconds in all: (a) then still answers the requests under way, about clients * 0.1 s more.
constexpr double load_seconds = 1.5;

void print_row(common::Context& ctx, const char* server, const servers::LoadReport& report) {
    const servers::LatencySummary latency = servers::summarize(report.latencies);
    ctx.log.plain(
        "{:<30} {:>8} {:>6.1f} {:>7.1f} {:>7.0f} {:>7.0f} {:>7.0f} {:>7.0f}{}", server, report.answered, report.elapsed,
        static_cast<double>(report.answered) / report.elapsed, latency.p50 * 1e3, latency.p90 * 1e3, latency.p99 * 1e3,
        latency.max * 1e3,
        report.wrong + report.failed == 0 ? "" : fmt::format("  ({} wrong, {} failed)", report.wrong, report.failed));
}

template <class Server, class... Args>
void measure(common::Context& ctx, const char* name, const servers::LoadPlan& plan, Args... args) {
    const Server server(args..., servers::database_seconds);
    print_row(ctx, name, servers::generate_load(server.port(), plan));
}  // the server stops here: threads joined, sockets closed

}  // namespace

void servers(common::Context& ctx, int clients) {
    auto& log = ctx.log;
    log.plain("(real sockets and threads: this section runs in real time, whatever --virtual or --speed say)");
    log.plain("{} clients on 127.0.0.1, each sending requests one after the other for {} s;", clients, load_seconds);
    log.plain("each request waits {:.0f} ms on the server's database, then gets its HTTP response;",
              servers::database_seconds * 1e3);
    log.plain("run s: from the first request to the last answer (the {} s of load, then the requests under way);",
              load_seconds);
    log.plain("req/s = answered / run s");
    const servers::LoadPlan plan{.clients = clients, .seconds = load_seconds};
    log.plain("{:<30} {:>8} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7}", "server", "answered", "run s", "req/s", "p50 ms",
              "p90 ms", "p99 ms", "max ms");
    measure<servers::BlockingServer>(ctx, "(a) one at a time, blocking", plan, servers::Threading::one_at_a_time);
    measure<servers::BlockingServer>(ctx, "(b) thread per connection", plan, servers::Threading::thread_per_connection);
    measure<servers::LoopServer>(ctx, "(c) event loop, aio::sleep", plan);
}

}  // namespace sections
