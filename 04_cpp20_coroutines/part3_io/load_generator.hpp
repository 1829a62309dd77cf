// The load generator of section "servers": N clients, each a thread with blocking sockets, send
// requests one after the other (a new connection each) for a while, and time every answer.
#pragma once

#include <cstddef>
#include <vector>

namespace servers {

struct LoadPlan {
    int clients = 20;
    // Each client stops after this many requests (0: no such bound) ...
    int requests_per_client = 0;
    // ... or once this many real seconds have passed since the start (0: no such bound); a
    // request under way then finishes.
    double seconds = 0.0;
};

struct LoadReport {
    std::size_t answered = 0;       // the right answer came back
    std::size_t wrong = 0;          // an answer came, but not the right one
    std::size_t failed = 0;         // no answer: refused, reset
    double elapsed = 0.0;           // real seconds, from the first request to the last answer
    std::vector<double> latencies;  // of the answered requests, in seconds, sorted
};

LoadReport generate_load(int port, const LoadPlan& plan);

// Percentiles by nearest rank over sorted latencies (all 0 when there are none).
struct LatencySummary {
    double p50 = 0.0;
    double p90 = 0.0;
    double p99 = 0.0;
    double max = 0.0;
};
LatencySummary summarize(const std::vector<double>& sorted_latencies);

}  // namespace servers
