#include <cstdio>
#include <optional>
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
// ab's -t takes whole seconds; ab stops at the time limit and counts only what was answered.
constexpr int ab_seconds = 2;

void print_row(common::Context& ctx, const char* server, const servers::LoadReport& report) {
    const servers::LatencySummary latency = servers::summarize(report.latencies);
    ctx.log.plain(
        "{:<30} {:>8} {:>6.1f} {:>7.1f} {:>7.0f} {:>7.0f} {:>7.0f} {:>7.0f}{}", server, report.answered, report.elapsed,
        static_cast<double>(report.answered) / report.elapsed, latency.p50 * 1e3, latency.p90 * 1e3, latency.p99 * 1e3,
        latency.max * 1e3,
        report.wrong + report.failed == 0 ? "" : fmt::format("  ({} wrong, {} failed)", report.wrong, report.failed));
}

// What `ab` (ApacheBench) printed, in the columns of the built-in load generator's rows.
struct AbFigures {
    long answered = -1;  // "Complete requests:"
    double seconds = 0.0, per_second = 0.0, p50 = 0.0, p90 = 0.0, p99 = 0.0, max = 0.0;
};

// The same server under ab, a load tool nobody here wrote: `clients` at once for ab_seconds.
// std::nullopt when ab is not installed (Debian: apache2-utils) or printed no summary.
std::optional<AbFigures> run_ab(int port, int clients) {
    const std::string command =
        fmt::format("ab -q -c {} -t {} -n 1000000 http://127.0.0.1:{}/item/ab 2>/dev/null", clients, ab_seconds, port);
    std::FILE* pipe = ::popen(command.c_str(), "r");
    if (pipe == nullptr) return std::nullopt;
    AbFigures figures;
    char line[512];
    while (std::fgets(line, sizeof line, pipe) != nullptr) {
        std::sscanf(line, "Complete requests: %ld", &figures.answered);
        std::sscanf(line, "Time taken for tests: %lf", &figures.seconds);
        std::sscanf(line, "Requests per second: %lf", &figures.per_second);
        std::sscanf(line, " 50%% %lf", &figures.p50);
        std::sscanf(line, " 90%% %lf", &figures.p90);
        std::sscanf(line, " 99%% %lf", &figures.p99);
        std::sscanf(line, " 100%% %lf", &figures.max);
    }
    const int status = ::pclose(pipe);
    if (status != 0 || figures.answered < 0) return std::nullopt;
    return figures;
}

template <class Server, class... Args>
void measure(common::Context& ctx, const char* name, const servers::LoadPlan& plan, bool with_ab, Args... args) {
    const Server server(args..., servers::database_seconds);
    print_row(ctx, name, servers::generate_load(server.port(), plan));
    if (!with_ab) return;
    if (const std::optional<AbFigures> ab = run_ab(server.port(), plan.clients)) {
        ctx.log.plain("{:<30} {:>8} {:>6.1f} {:>7.1f} {:>7.0f} {:>7.0f} {:>7.0f} {:>7.0f}", "    the same under ab",
                      ab->answered, ab->seconds, ab->per_second, ab->p50, ab->p90, ab->p99, ab->max);
    } else {
        ctx.log.plain("    the same under ab: ab did not run (Debian: apt-get install apache2-utils)");
    }
}  // the server stops here: threads joined, sockets closed

}  // namespace

void servers(common::Context& ctx, int clients, bool with_ab) {
    auto& log = ctx.log;
    log.plain("(real sockets and threads: this section runs in real time, whatever --virtual or --speed say)");
    log.plain("{} clients on 127.0.0.1, each sending requests one after the other for {} s;", clients, load_seconds);
    log.plain("each request waits {:.0f} ms on the server's database, then gets its HTTP response;",
              servers::database_seconds * 1e3);
    log.plain("run s: from the first request to the last answer (the {} s of load, then the requests under way);",
              load_seconds);
    log.plain("req/s = answered / run s");
    const servers::LoadPlan plan{.clients = clients, .seconds = load_seconds};
    if (with_ab) {
        log.plain("--ab: after each row, `ab -c {} -t {}` against the same server (it stops at {} s, counting what",
                  clients, ab_seconds, ab_seconds);
        log.plain("was answered by then)");
    }
    log.plain("{:<30} {:>8} {:>6} {:>7} {:>7} {:>7} {:>7} {:>7}", "server", "answered", "run s", "req/s", "p50 ms",
              "p90 ms", "p99 ms", "max ms");
    measure<servers::BlockingServer>(ctx, "(a) one at a time, blocking", plan, with_ab,
                                     servers::Threading::one_at_a_time);
    measure<servers::BlockingServer>(ctx, "(b) thread per connection", plan, with_ab,
                                     servers::Threading::thread_per_connection);
    measure<servers::LoopServer>(ctx, "(c) event loop, aio::sleep", plan, with_ab);
}

}  // namespace sections
