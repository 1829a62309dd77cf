// 04_bench's TCP echo: 100 clients on 127.0.0.1, each writing 64 bytes and reading exactly 64
// back, 1'000 times, against a server that echoes what it reads. asio_echo.cpp is the same
// workload in standalone Asio.
#pragma once

#include "common/bench_report.hpp"

namespace echo {

inline constexpr int clients = 100;
inline constexpr int round_trips = 1'000;  // per client
inline constexpr int message_size = 64;

// echo_rt_per_s (server and clients on one loop), echo_rt_per_s_2loops (the server's loop in
// another thread), echo_syscalls_per_rt and echo_allocs_per_rt (one loop, steady state: between
// 10% and 90% of the round trips).
common::BenchFigures measure();

}  // namespace echo
