#include <algorithm>
#include <cstdint>
#include <thread>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "common/resource_usage.hpp"
#include "cpu_meter.hpp"
#include "sections.hpp"

namespace sections {

namespace {

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

// One job, run on a worker thread: the CPU time that thread spent on it (the hash only keeps
// the work from being optimised away).
struct Job {
    std::uint64_t hash = 0;
    double cpu = 0.0;
};

Job timed_job(std::uint64_t rounds) {
    const double start = thread_cpu_seconds();
    const std::uint64_t hash = hash_rounds(rounds);
    return Job{hash, thread_cpu_seconds() - start};
}

// One way of running the two jobs: the wall time, each job's CPU time, the cores this process
// kept busy and the cores the machine left idle, both on average over the run.
struct Run {
    double wall = 0.0;
    double cpu_a = 0.0;
    double cpu_b = 0.0;
    double busy_cores = 0.0;
    double idle_cores = 0.0;
};

Run finish(const IdleMeter& meter, double cpu_start, const Job& a, const Job& b) {
    const double wall = meter.wall_seconds();
    return Run{wall, a.cpu, b.cpu, (common::process_cpu_seconds() - cpu_start) / wall, meter.idle_cores()};
}

aio::Coroutine<Run> in_turn(std::uint64_t rounds) {
    const IdleMeter meter;
    const double cpu_start = common::process_cpu_seconds();
    const Job a = co_await aio::to_thread(timed_job, rounds);
    const Job b = co_await aio::to_thread(timed_job, rounds);
    co_return finish(meter, cpu_start, a, b);
}

aio::Coroutine<Run> side_by_side(std::uint64_t rounds) {
    const IdleMeter meter;
    const double cpu_start = common::process_cpu_seconds();
    auto [a, b] = co_await aio::gather(aio::to_thread(timed_job, rounds), aio::to_thread(timed_job, rounds));
    co_return finish(meter, cpu_start, a, b);
}

// What the run one after the other tells about the other programs: how many cores' worth of
// threads they kept runnable. While cores sat idle, they wanted what they used; with none idle,
// the kernel gave each runnable thread an equal share, so ours got cores / (others + 1).
double others_wanted(const Run& serial, double cores) {
    if (serial.idle_cores >= 0.1 || serial.busy_cores <= 0.0) {
        return std::max(0.0, cores - serial.busy_cores - serial.idle_cores);
    }
    return std::max(0.0, cores / serial.busy_cores - 1.0);
}

void print_run(common::Context& ctx, const char* name, const Run& run) {
    ctx.log.plain(
        "  {:<20} {:.2f} s; the jobs took {:.2f} + {:.2f} s of CPU; {:.1f} cores busy for us, {:.1f} idle "
        "(measured)",
        name, run.wall, run.cpu_a, run.cpu_b, run.busy_cores, run.idle_cores);
}

aio::Coroutine<void> parallel_main(common::Context& ctx) {
    const std::uint64_t rounds = rounds_for(0.3);
    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    ctx.log.print("two CPU-bound jobs of {} hash rounds each (about 0.3 s of one core); {} cores", rounds, cores);
    // Measured on the wall, so printed without the story's timestamp: --virtual cannot replay them.
    const Run serial = co_await in_turn(rounds);
    print_run(ctx, "one after the other:", serial);
    // Side by side, two threads compete with the others for the cores: each gets an equal share,
    // at most a whole core.
    const double others = others_wanted(serial, cores);
    const double share = std::min(1.0, cores / (others + 2.0));
    const double predicted = (serial.cpu_a + serial.cpu_b) / (2.0 * share);
    ctx.log.plain("  meanwhile other programs wanted {:.1f} cores: side by side each job should get {:.2f} core",
                  others, share);
    ctx.log.plain("  side by side, predicted: {:.2f} s, a speed-up of {:.2f} (from the figures measured above)",
                  predicted, serial.wall / predicted);
    const Run parallel = co_await side_by_side(rounds);
    print_run(ctx, "side by side:", parallel);
    ctx.log.plain("  speed-up: {:.2f} times (measured)", serial.wall / parallel.wall);
}

}  // namespace

void parallel(common::Context& ctx) { aio::run(parallel_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
