// 05_bench: items per second through aio::Queue, and what aio::Lock costs, next to a lean
// single-purpose loop measured in the same run and to CPython's asyncio on the same workloads
// (bench/asyncio_bench.py) when python3 is here. Allocations per item are counted.
//
//     05_bench [--json] [--no-python]
//
// Release build. Times are the process's CPU time (the workloads are single-threaded): on a
// shared machine, wall time would measure the neighbours too.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/lock.hpp"
#include "aio/queue.hpp"
#include "common/allocation_count.hpp"
#include "common/bench_report.hpp"
#include "common/resource_usage.hpp"
#include "lean_loop.hpp"

namespace {

constexpr int items = 1'000'000;
constexpr int maxsize = 100;

// ---- queue_*_items_per_s: producers put, consumers get, through Queue<int>(100) ----

struct Steady {
    std::size_t got = 0;
    std::size_t at_10_percent = 0;  // allocations so far, when 10% and 90% of the items are through
    std::size_t at_90_percent = 0;
};

aio::Coroutine<void> produce(aio::Queue<int>& queue, int count) {
    for (int i = 0; i < count; ++i) co_await queue.put(i);
}

aio::Coroutine<void> consume(aio::Queue<int>& queue, int count, Steady& steady, long& total) {
    for (int i = 0; i < count; ++i) {
        total += co_await queue.get();
        ++steady.got;
        if (steady.got == items / 10) steady.at_10_percent = allocations_so_far();
        if (steady.got == items / 10 * 9) steady.at_90_percent = allocations_so_far();
    }
}

struct QueueResult {
    double items_per_s;
    double allocations_per_item;  // between 10% and 90% of the items: the steady state
};

aio::Coroutine<QueueResult> queue_run(int producers, int consumers) {
    aio::Queue<int> queue(maxsize);
    Steady steady;
    long total = 0;
    std::vector<aio::Task<void>> tasks;
    const double start = common::process_cpu_seconds();
    for (int p = 0; p < producers; ++p) tasks.push_back(aio::create_task(produce(queue, items / producers)));
    for (int c = 0; c < consumers; ++c)
        tasks.push_back(aio::create_task(consume(queue, items / consumers, steady, total)));
    for (aio::Task<void>& task : tasks) co_await task;
    const double seconds = common::process_cpu_seconds() - start;
    if (total != static_cast<long>(items) * (items / producers - 1) / 2)
        throw std::logic_error("queue_run: lost items");
    co_return QueueResult{items / seconds,
                          static_cast<double>(steady.at_90_percent - steady.at_10_percent) / (items / 10 * 8)};
}

// ---- lean_1p1c_items_per_s: the same 1P/1C workload on lean::Loop ----

lean::Task lean_produce(lean::BoundedQueue<int>& queue, int count) {
    for (int i = 0; i < count; ++i) co_await queue.put(i);
}

lean::Task lean_consume(lean::BoundedQueue<int>& queue, int count, long& total) {
    for (int i = 0; i < count; ++i) total += co_await queue.get();
}

double lean_run() {
    lean::Loop loop;
    lean::BoundedQueue<int> queue(loop, maxsize);
    long total = 0;
    const double start = common::process_cpu_seconds();
    loop.schedule(lean_produce(queue, items).handle);
    loop.schedule(lean_consume(queue, items, total).handle);
    loop.run();
    const double seconds = common::process_cpu_seconds() - start;
    if (total != static_cast<long>(items) * (items - 1) / 2) throw std::logic_error("lean_run: lost items");
    return items / seconds;
}

// ---- lock_*_ns ----

aio::Coroutine<double> lock_uncontended(int rounds) {
    aio::Lock lock;
    const double start = common::process_cpu_seconds();
    for (int i = 0; i < rounds; ++i) {
        co_await lock.acquire();
        lock.release();
    }
    co_return (common::process_cpu_seconds() - start) / rounds * 1e9;
}

aio::Coroutine<void> holder(aio::Lock& lock, int rounds) {
    for (int i = 0; i < rounds; ++i) {
        const aio::LockGuard guard = co_await lock.guard();
        co_await aio::sleep(0);
    }
}

aio::Coroutine<double> lock_contended(int tasks, int rounds) {
    aio::Lock lock;
    std::vector<aio::Coroutine<void>> holders;
    for (int t = 0; t < tasks; ++t) holders.push_back(holder(lock, rounds));
    const double start = common::process_cpu_seconds();
    co_await aio::gather(std::move(holders));
    co_return (common::process_cpu_seconds() - start) / (static_cast<double>(tasks) * rounds) * 1e9;
}

using Results = common::BenchFigures;

Results measure_cpp() {
    Results results;
    // The lean loop first and last, so that neither side gets the warmer machine.
    const double lean_before = lean_run();
    const QueueResult one = aio::run(queue_run(1, 1));
    const QueueResult ten = aio::run(queue_run(10, 10));
    results["lean_1p1c_items_per_s"] = std::max(lean_before, lean_run());
    results["queue_1p1c_items_per_s"] = std::max(one.items_per_s, aio::run(queue_run(1, 1)).items_per_s);
    results["queue_10p10c_items_per_s"] = ten.items_per_s;
    results["allocations_per_item_1p1c"] = one.allocations_per_item;
    results["allocations_per_item_10p10c"] = ten.allocations_per_item;
    results["lock_uncontended_ns"] = aio::run(lock_uncontended(10'000'000));
    results["lock_contended_ns"] = aio::run(lock_contended(10, 100'000));
    return results;
}

}  // namespace

int main(int argc, char** argv) {
    common::BenchOptions options;
    if (const int status = common::parse_bench_options("05_bench", argc, argv, options); status >= 0) return status;
    const Results cpp = measure_cpp();
    const Results python = options.python ? common::run_python_twin(AIO_QUEUE_BENCH_SCRIPT) : Results{};
    const std::vector<common::BenchRow> rows = {
        {"queue_1p1c_items_per_s", "items/s, 1 producer, 1 consumer, maxsize 100", "{:.3g}"},
        {"lean_1p1c_items_per_s", "items/s, the same on the lean loop (bench/lean_loop.hpp)", "{:.3g}"},
        {"queue_10p10c_items_per_s", "items/s, 10 producers, 10 consumers, maxsize 100", "{:.3g}"},
        {"allocations_per_item_1p1c", "allocations per item, 1P/1C, steady state", "{:.4f}"},
        {"allocations_per_item_10p10c", "allocations per item, 10P/10C, steady state", "{:.4f}"},
        {"lock_uncontended_ns", "ns per Lock acquire + release, uncontended", "{:.2f}"},
        {"lock_contended_ns", "ns per turn, 10 tasks: with lock: sleep(0)", "{:.1f}"},
    };
    common::print_bench_table("workload (CPU time)", 58, rows, cpp, python);
    fmt::print("aio 1P/1C: {:.2f} x the lean loop\n",
               cpp.at("queue_1p1c_items_per_s") / cpp.at("lean_1p1c_items_per_s"));
    if (options.json) common::print_bench_json(rows, cpp);
    return 0;
}
