// 04_bench: what the aio loop costs per yield, per task, per sleeping task and per timer, next
// to CPython's asyncio running the same workloads (bench/asyncio_bench.py) when python3 is here;
// then a TCP echo on 127.0.0.1 (bench/echo_workload.hpp), next to the same echo written with
// standalone Asio (bench/asio_echo.cpp) when Asio was found at configure time.
//
//     04_bench [--json] [--no-python]
//
// Real time, Release build. Per-operation numbers are wall time divided by the operations.
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <random>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/timer_heap.hpp"
#include "common/bench_report.hpp"
#include "common/resource_usage.hpp"
#include "echo_workload.hpp"

namespace {

using Seconds = std::chrono::duration<double>;

double seconds_since(std::chrono::steady_clock::time_point start) {
    return Seconds(std::chrono::steady_clock::now() - start).count();
}

// ---- yield_ns: 1'000 tasks x 1'000 sleep(0) ----

aio::Coroutine<void> yielder(int times) {
    for (int i = 0; i < times; ++i) co_await aio::sleep(0);
}

aio::Coroutine<double> yields(int tasks, int times) {
    std::vector<aio::Task<void>> running;
    running.reserve(static_cast<std::size_t>(tasks));
    const auto start = std::chrono::steady_clock::now();
    for (int i = 0; i < tasks; ++i) running.push_back(aio::create_task(yielder(times)));
    for (aio::Task<void>& task : running) co_await task;
    co_return seconds_since(start) / (static_cast<double>(tasks) * times) * 1e9;
}

// ---- task_ns: create, run and await a trivial task ----

aio::Coroutine<int> trivial() { co_return 1; }

aio::Coroutine<double> task_round(int count) {
    const auto start = std::chrono::steady_clock::now();
    long total = 0;
    for (int i = 0; i < count; ++i) total += co_await aio::create_task(trivial());
    if (total != count) throw std::logic_error("task_round: lost a result");
    co_return seconds_since(start) / count * 1e9;
}

// ---- sleepers: a million tasks sleeping 1 s at once ----

aio::Coroutine<void> sleeper() { co_await aio::sleep(1.0); }

struct SleepersResult {
    double extra_s;
    double bytes_per_task;
};

aio::Coroutine<SleepersResult> sleepers(int count) {
    const std::size_t before = common::current_rss_bytes();
    const auto start = std::chrono::steady_clock::now();
    std::vector<aio::Task<void>> tasks;
    tasks.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) tasks.push_back(aio::create_task(sleeper()));
    for (aio::Task<void>& task : tasks) co_await task;
    const double extra = seconds_since(start) - 1.0;
    const std::size_t peak = common::peak_rss_bytes();
    co_return SleepersResult{extra, static_cast<double>(peak > before ? peak - before : 0) / count};
}

// ---- timer_ns: push + pop with a million timers pending ----

double timers(int pending, int rounds) {
    std::mt19937_64 random(1);
    std::uniform_real_distribution<double> deadline(0.0, 1000.0);
    aio::detail::TimerHeap heap;
    std::uint64_t sequence = 0;
    for (int i = 0; i < pending; ++i) heap.push({deadline(random), ++sequence, nullptr});
    std::vector<double> deadlines(static_cast<std::size_t>(rounds));
    for (double& d : deadlines) d = deadline(random);
    double checksum = 0.0;
    const auto start = std::chrono::steady_clock::now();
    for (const double d : deadlines) {
        heap.push({d, ++sequence, nullptr});
        checksum += heap.pop().deadline;
    }
    const double elapsed = seconds_since(start);
    if (checksum < 0.0) std::puts("");  // keeps the loop from being optimised away
    return elapsed / rounds * 1e9;
}

using Results = common::BenchFigures;

Results measure_cpp() {
    Results results;
    // Each workload on its own loop on real time, as asyncio.run would.
    results["task_cold_ns"] = aio::run(task_round(1'000'000));
    results["task_ns"] = aio::run(task_round(1'000'000));
    results["yield_ns"] = aio::run(yields(1'000, 1'000));
    const SleepersResult sleeping = aio::run(sleepers(1'000'000));
    results["sleepers_extra_s"] = sleeping.extra_s;
    results["bytes_per_task"] = sleeping.bytes_per_task;
    results["timer_ns"] = timers(1'000'000, 1'000'000);
    results.merge(echo::measure());
    return results;
}

}  // namespace

int main(int argc, char** argv) {
    common::BenchOptions options;
    if (const int status = common::parse_bench_options("04_bench", argc, argv, options); status >= 0) return status;
    Results cpp;
    try {
        cpp = measure_cpp();
    } catch (const std::exception& error) {  // the echo's sockets, or its time limit
        fmt::print(stderr, "04_bench: {}\n", error.what());
        return 1;
    }
    // Asio's echo right after ours, before CPython's long run: on a shared machine, the closer
    // in time, the fairer the comparison.
#ifdef AIO_ASIO_ECHO_BENCH
    const Results asio = common::run_twin("'" AIO_ASIO_ECHO_BENCH "' --json");
#else
    const Results asio;
#endif
    const Results py = options.python ? common::run_python_twin(AIO_BENCH_SCRIPT) : Results{};
    const std::vector<common::BenchRow> rows = {
        {"yield_ns", "ns per sleep(0) round trip (1'000 tasks x 1'000)", "{:.1f}"},
        {"task_ns", "ns per task: create, run, await (warm)", "{:.1f}"},
        {"task_cold_ns", "ns per task, first round (cold)", "{:.1f}"},
        {"sleepers_extra_s", "1M sleepers of 1 s: wall time beyond 1 s (s)", "{:.3f}"},
        {"bytes_per_task", "bytes per sleeping task (peak RSS growth)", "{:.0f}"},
        {"timer_ns", "ns per timer push + pop, 1M pending", "{:.1f}"},
        {"echo_rt_per_s", "TCP echo round trips/s, 100 clients, one loop", "{:.0f}"},
        {"echo_rt_per_s_2loops", "the same, server loop in another thread", "{:.0f}"},
        {"echo_syscalls_per_rt", "system calls per round trip, one loop", "{:.2f}"},
        {"echo_allocs_per_rt", "allocations per round trip, one loop", "{:.4f}"},
    };
    std::vector<common::BenchColumn> twins = {{"CPython asyncio", py}};
    if (!asio.empty()) twins.push_back({"Asio (C++)", asio});
    common::print_bench_table("workload", 52, rows, cpp, twins);
    if (py.count("sleepers") != 0) {
        fmt::print("(CPython's sleepers row uses {:.0f} tasks, not 1M: a million take minutes)\n", py.at("sleepers"));
    }
    if (asio.count("echo_rt_per_s") != 0) {
        fmt::print("aio echo, one loop: {:.2f} x Asio's round trips/s; two loops: {:.2f} x\n",
                   cpp.at("echo_rt_per_s") / asio.at("echo_rt_per_s"),
                   cpp.at("echo_rt_per_s_2loops") / asio.at("echo_rt_per_s_2loops"));
    }
    if (options.json) common::print_bench_json(rows, cpp);
    return 0;
}
