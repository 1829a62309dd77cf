#include "load_generator.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <exception>
#include <string>
#include <string_view>
#include <thread>

#include "blocking_socket.hpp"
#include "request_handler.hpp"

namespace servers {

namespace {

using Clock = std::chrono::steady_clock;

struct ClientReport {
    std::size_t wrong = 0;
    std::size_t failed = 0;
    std::vector<double> latencies;
};

double seconds_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

void run_client(int client, int port, const LoadPlan& plan, Clock::time_point start, ClientReport& report) {
    for (int number = 0; plan.requests_per_client == 0 || number < plan.requests_per_client; ++number) {
        if (plan.seconds > 0.0 && seconds_between(start, Clock::now()) >= plan.seconds) return;
        const std::string request = request_for(client, number);
        const Clock::time_point sent = Clock::now();
        try {
            const blocking::Fd connection = blocking::connect_loopback(port);
            blocking::send_all(connection, request);
            const std::string reply = blocking::read_to_eof(connection);
            if (reply != answer(std::string_view(request).substr(0, request.find("\r\n")))) {
                ++report.wrong;
                continue;
            }
            report.latencies.push_back(seconds_between(sent, Clock::now()));
        } catch (const std::exception&) {
            ++report.failed;
        }
    }
}

double nearest_rank(const std::vector<double>& sorted, double fraction) {
    const auto rank = static_cast<std::size_t>(std::ceil(fraction * static_cast<double>(sorted.size())));
    return sorted[std::max<std::size_t>(rank, 1) - 1];
}

}  // namespace

LoadReport generate_load(int port, const LoadPlan& plan) {
    std::vector<ClientReport> reports(static_cast<std::size_t>(plan.clients));
    const Clock::time_point start = Clock::now();
    {
        std::vector<std::jthread> clients;
        for (int client = 0; client < plan.clients; ++client) {
            clients.emplace_back(run_client, client, port, std::cref(plan), start,
                                 std::ref(reports[static_cast<std::size_t>(client)]));
        }
    }  // every client joined
    LoadReport total;
    total.elapsed = seconds_between(start, Clock::now());
    for (ClientReport& report : reports) {
        total.wrong += report.wrong;
        total.failed += report.failed;
        total.latencies.insert(total.latencies.end(), report.latencies.begin(), report.latencies.end());
    }
    total.answered = total.latencies.size();
    std::sort(total.latencies.begin(), total.latencies.end());
    return total;
}

LatencySummary summarize(const std::vector<double>& sorted_latencies) {
    if (sorted_latencies.empty()) return {};
    return {nearest_rank(sorted_latencies, 0.50), nearest_rank(sorted_latencies, 0.90),
            nearest_rank(sorted_latencies, 0.99), sorted_latencies.back()};
}

}  // namespace servers
