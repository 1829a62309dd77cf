#include <algorithm>
#include <array>
#include <chrono>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/subprocess.hpp"
#include "common/resource_usage.hpp"
#include "hash_worker.hpp"
#include "sections.hpp"

namespace sections {

namespace {

using Stopwatch = std::chrono::steady_clock;

double seconds_since(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

// CPU seconds one pass of the hash takes per byte here, measured on 1 MiB for at least 20 ms of
// CPU time, so each job can be sized to about the same work whatever its data.
double seconds_per_byte() {
    const std::string data(1U << 20U, 'd');
    const double start = common::process_cpu_seconds();
    std::uint64_t passes = 0;
    std::uint64_t sink = 0;
    while (common::process_cpu_seconds() - start < 0.02) {
        sink += hash_passes(data, 1);
        ++passes;
    }
    const double took = common::process_cpu_seconds() - start;
    return sink == 0 ? took : took / static_cast<double>(passes * data.size());  // uses sink
}

// A worker: this very program, started again with --hash-worker, talked to through pipes.
aio::Coroutine<aio::Process> start_worker() {
    std::vector<std::string> argv{"/proc/self/exe", std::string(hash_worker_flag)};
    return aio::create_subprocess_exec(std::move(argv),
                                       {.stdin_from = aio::Redirect::pipe, .stdout_to = aio::Redirect::pipe});
}

// One job in a worker: the header and the data down its stdin, the hash back from its stdout.
// The data is copied twice on the way (into the pipe, out of it): a thread would read it in place.
aio::Coroutine<std::uint64_t> run_in_worker(aio::Process& worker, std::string_view data, std::uint64_t passes) {
    worker.stdin().write(fmt::format("{} {}\n", passes, data.size()));
    worker.stdin().write(data);
    co_await worker.stdin().drain();
    const std::string line = co_await worker.stdout().readline();
    if (line.empty())
        throw std::runtime_error(fmt::format("processes: worker {} ended without an answer", worker.pid()));
    co_return std::stoull(line);
}

struct Row {
    double threads = 0.0;    // two jobs on two threads (to_thread), wall seconds
    double processes = 0.0;  // the same two jobs in the two workers
    double copying = 0.0;    // the same data sent to the workers with no hashing to do: the pipes' share
    bool same = false;       // every hash the same, whoever computed it
};

aio::Coroutine<Row> measure(std::array<aio::Process, 2>& workers, const std::string& data, std::uint64_t passes) {
    Row row;
    Stopwatch::time_point start = Stopwatch::now();
    auto [a, b] = co_await aio::gather(aio::to_thread(hash_passes, std::string_view(data), passes),
                                       aio::to_thread(hash_passes, std::string_view(data), passes));
    row.threads = seconds_since(start);
    start = Stopwatch::now();
    auto [c, d] =
        co_await aio::gather(run_in_worker(workers[0], data, passes), run_in_worker(workers[1], data, passes));
    row.processes = seconds_since(start);
    start = Stopwatch::now();
    co_await aio::gather(run_in_worker(workers[0], data, 0), run_in_worker(workers[1], data, 0));
    row.copying = seconds_since(start);
    row.same = a == b && b == c && c == d;
    co_return row;
}

std::string size_text(std::size_t bytes) {
    if (bytes >= (1U << 20U)) return fmt::format("{} MiB", bytes >> 20U);
    return fmt::format("{} KiB", bytes >> 10U);
}

aio::Coroutine<void> processes_main(common::Context& ctx, double job_seconds) {
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    ctx.log.print("two CPU-bound jobs of about {} s each: on two threads (to_thread), then in two worker processes",
                  job_seconds);
    ctx.log.print("a worker is this program started again with {}: a job goes down its stdin, the hash comes back",
                  hash_worker_flag);
    const double per_byte = seconds_per_byte();

    Stopwatch::time_point start = Stopwatch::now();
    aio::Process first_worker = co_await start_worker();  // named: no co_await in braces (COMPILERS.md)
    aio::Process second_worker = co_await start_worker();
    std::array<aio::Process, 2> workers{std::move(first_worker), std::move(second_worker)};
    co_await aio::gather(run_in_worker(workers[0], "", 0), run_in_worker(workers[1], "", 0));
    ctx.log.plain("  2 workers started and answering: {:.1f} ms (measured; {} cores)", seconds_since(start) * 1e3,
                  cores);

    ctx.log.plain("  {:>10}  {:>8}  {:>11}  {:>11}  {:>22}", "data/job", "passes", "to_thread", "processes",
                  "of which the pipes");
    bool all_same = true;
    for (const std::size_t bytes : {std::size_t{1} << 10U, std::size_t{1} << 16U, std::size_t{1} << 20U,
                                    std::size_t{1} << 24U, std::size_t{1} << 26U}) {
        const std::string data(bytes, 'd');
        const auto passes =
            static_cast<std::uint64_t>(std::max(1.0, job_seconds / (per_byte * static_cast<double>(bytes)) + 0.5));
        const Row row = co_await measure(workers, data, passes);
        all_same = all_same && row.same;
        ctx.log.plain("  {:>10}  {:>8}  {:>9.3f} s  {:>9.3f} s  {:>8.1f} ms = {:>4.1f}%  (measured)", size_text(bytes),
                      passes, row.threads, row.processes, row.copying * 1e3, 100.0 * row.copying / row.processes);
    }
    ctx.log.plain("every hash the same from a thread and from a worker: {}", all_same ? "yes" : "NO");

    for (aio::Process& worker : workers) worker.stdin().close();  // EOF: the worker's loop ends
    const int first = co_await workers[0].wait();
    const int second = co_await workers[1].wait();
    ctx.log.plain("stdin closed: the workers exit with returncodes {} and {}", first, second);
}

}  // namespace

void processes(common::Context& ctx) { aio::run(processes_main(ctx, 0.2), {.clock = &ctx.clock}); }

}  // namespace sections
