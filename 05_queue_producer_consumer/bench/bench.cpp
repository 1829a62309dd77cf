// 05_bench: items per second through aio::Queue, and what aio::Lock costs, next to a lean
// single-purpose loop measured in the same run and to CPython's asyncio on the same workloads
// (bench/asyncio_bench.py) when python3 is here. Allocations per item are counted.
//
//     05_bench [--json] [--no-python]
//
// Release build. Times are the process's CPU time (the workloads are single-threaded): on a
// shared machine, wall time would measure the neighbours too.
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <regex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/lock.hpp"
#include "aio/queue.hpp"
#include "common/resource_usage.hpp"
#include "allocation_count.hpp"
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

using Results = std::map<std::string, double>;

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

// Runs the Python twin and reads the numbers of its one-line JSON object.
Results measure_python() {
    Results results;
    const std::string command = fmt::format("python3 '{}' --json 2>/dev/null", AIO_QUEUE_BENCH_SCRIPT);
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return results;
    std::string text;
    for (int c = std::fgetc(pipe.get()); c != EOF; c = std::fgetc(pipe.get())) text += static_cast<char>(c);
    const std::regex number("\"(\\w+)\": ([-+.eE0-9]+)");
    for (auto match = std::sregex_iterator(text.begin(), text.end(), number); match != std::sregex_iterator();
         ++match) {
        results[(*match)[1].str()] = std::stod((*match)[2].str());
    }
    return results;
}

}  // namespace

int main(int argc, char** argv) {
    bool json = false;
    bool python = true;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--json") {
            json = true;
        } else if (arg == "--no-python") {
            python = false;
        } else if (arg == "--help" || arg == "-h") {
            fmt::print(
                "usage: 05_bench [--json] [--no-python]\n"
                "  --json       also print the C++ figures as one JSON object on the last line\n"
                "  --no-python  skip the CPython asyncio column (bench/asyncio_bench.py)\n");
            return 0;
        } else {
            std::fprintf(stderr, "05_bench: unknown argument '%s' (use --json, --no-python)\n", argv[i]);
            return 2;
        }
    }
    const Results cpp = measure_cpp();
    const Results py = python ? measure_python() : Results{};

    struct Row {
        const char* key;
        const char* what;
        const char* format;
    };
    const Row rows[] = {
        {"queue_1p1c_items_per_s", "items/s, 1 producer, 1 consumer, maxsize 100", "{:.3g}"},
        {"lean_1p1c_items_per_s", "items/s, the same on the lean loop (bench/lean_loop.hpp)", "{:.3g}"},
        {"queue_10p10c_items_per_s", "items/s, 10 producers, 10 consumers, maxsize 100", "{:.3g}"},
        {"allocations_per_item_1p1c", "allocations per item, 1P/1C, steady state", "{:.4f}"},
        {"allocations_per_item_10p10c", "allocations per item, 10P/10C, steady state", "{:.4f}"},
        {"lock_uncontended_ns", "ns per Lock acquire + release, uncontended", "{:.2f}"},
        {"lock_contended_ns", "ns per turn, 10 tasks: with lock: sleep(0)", "{:.1f}"},
    };
    fmt::print("{:<58} {:>12} {:>16}\n", "workload (CPU time)", "aio (C++)", "CPython asyncio");
    for (const Row& row : rows) {
        const std::string ours = fmt::format(fmt::runtime(row.format), cpp.at(row.key));
        std::string theirs = "-";
        if (py.count(row.key) != 0) theirs = fmt::format(fmt::runtime(row.format), py.at(row.key));
        fmt::print("{:<58} {:>12} {:>16}\n", row.what, ours, theirs);
    }
    fmt::print("aio 1P/1C is {:.2f} x the lean loop\n",
               cpp.at("queue_1p1c_items_per_s") / cpp.at("lean_1p1c_items_per_s"));
    if (json) {
        std::string line = "{";
        for (const Row& row : rows) {
            line += fmt::format("{}\"{}\": {:.4f}", line.size() > 1 ? ", " : "", row.key, cpp.at(row.key));
        }
        fmt::print("{}}}\n", line);
    }
    return 0;
}
