#include <chrono>
#include <cstdint>
#include <thread>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "common/resource_usage.hpp"
#include "sections.hpp"

namespace sections {

namespace {

using Stopwatch = std::chrono::steady_clock;

double seconds_since(Stopwatch::time_point start) {
    return std::chrono::duration<double>(Stopwatch::now() - start).count();
}

// CPU-bound work: `rounds` steps of a 64-bit FNV-1a hash. The result is used, so no compiler
// can skip the work.
std::uint64_t hash_rounds(std::uint64_t rounds) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (std::uint64_t i = 0; i < rounds; ++i) {
        hash ^= i & 0xffU;
        hash *= 1099511628211ULL;
    }
    return hash;
}

// How many rounds take about `seconds` of one core here: 20 ms of CPU time measured, scaled up.
// CPU time, not wall time: a busy machine that takes the core away does not skew it. Keeps the
// section short on any machine, sanitizers included.
std::uint64_t rounds_for(double seconds) {
    std::uint64_t rounds = 1U << 16U;
    double took = 0.0;
    while (took < 0.02) {
        rounds *= 2;
        const double start = common::process_cpu_seconds();
        if (hash_rounds(rounds) == 0) ++rounds;  // uses the result: the call cannot be optimised away
        took = common::process_cpu_seconds() - start;
    }
    return static_cast<std::uint64_t>(static_cast<double>(rounds) * seconds / took);
}

// Wall time and CPU time of one way of running the two jobs.
struct Measured {
    double wall = 0.0;
    double cpu = 0.0;
};

aio::Coroutine<Measured> in_turn(std::uint64_t rounds) {
    const Stopwatch::time_point start = Stopwatch::now();
    const double cpu_start = common::process_cpu_seconds();
    co_await aio::to_thread(hash_rounds, rounds);
    co_await aio::to_thread(hash_rounds, rounds);
    co_return Measured{seconds_since(start), common::process_cpu_seconds() - cpu_start};
}

aio::Coroutine<Measured> side_by_side(std::uint64_t rounds) {
    const Stopwatch::time_point start = Stopwatch::now();
    const double cpu_start = common::process_cpu_seconds();
    co_await aio::gather(aio::to_thread(hash_rounds, rounds), aio::to_thread(hash_rounds, rounds));
    co_return Measured{seconds_since(start), common::process_cpu_seconds() - cpu_start};
}

aio::Coroutine<void> parallel_main(common::Context& ctx) {
    const std::uint64_t rounds = rounds_for(0.3);
    ctx.log.print("two CPU-bound jobs of {} hash rounds each (about 0.3 s of one core); {} cores", rounds,
                  std::thread::hardware_concurrency());
    const Measured serial = co_await in_turn(rounds);
    const Measured parallel = co_await side_by_side(rounds);
    // Measured on the wall, so printed without the story's timestamp: --virtual cannot replay them.
    ctx.log.plain("  one after the other:   {:.2f} s, {:.1f} cores busy on average (measured)", serial.wall,
                  serial.cpu / serial.wall);
    ctx.log.plain("  side by side:          {:.2f} s, {:.1f} cores busy on average (measured)", parallel.wall,
                  parallel.cpu / parallel.wall);
    ctx.log.plain("  speed-up: {:.2f} times", serial.wall / parallel.wall);
}

}  // namespace

void parallel(common::Context& ctx) { aio::run(parallel_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
