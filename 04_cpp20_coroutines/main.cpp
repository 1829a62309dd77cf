#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "hash_worker.hpp"
#include "sections.hpp"

int main(int argc, char** argv) {
    // Section `processes` starts this program again as a worker: no lesson then, only jobs.
    if (argc >= 2 && argv[1] == sections::hash_worker_flag) {
        return sections::hash_worker(std::span(argv + 2, static_cast<std::size_t>(argc - 2)));
    }
    common::Lesson lesson{"04_cpp20_coroutines", "async/await on a real event loop"};
    lesson.section("generator", "the compiler writes chapter 01's state machine: co_yield", sections::generator);
    lesson.section("anatomy", "the anatomy of co_await: every call the compiler inserts, in order", sections::anatomy);
    lesson.section("coroutine", "aio::Coroutine: awaited inline, with a flat stack however deep", sections::coroutine);
    lesson.section("loop", "the event loop: ready queue, timers, run_forever, stop, close", sections::loop);
    lesson.section("hello", "hello world after a 2 s sleep, then the asyncio docs' 1 s version", sections::hello);
    lesson.section("sleepers", "two tasks sleep 1 s twice each: 2 s, not 4 s", sections::sleepers);
    lesson.section("count", "three count()s: 1 s under gather, 3 s one after the other", sections::count);
    std::uint64_t seed = 444;
    lesson.flags().add("seed", '\0', "random.seed() of makerandom and chain (default 444, as the originals)", seed);
    lesson.section(
        "makerandom",
        [&seed] { return fmt::format("three tasks draw random numbers until one is high enough (seed {})", seed); },
        [&seed](common::Context& ctx) { sections::makerandom(ctx, seed); });
    std::vector<int> chains;
    lesson.section(
        "chain",
        [&seed] { return fmt::format("chained coroutines part1 -> part2, one chain per N, at once (seed {})", seed); },
        [&seed, &chains](common::Context& ctx) { sections::chain(ctx, seed, chains); },
        {.arguments = "[N...]", .parse_arguments = [&chains](const std::vector<std::string>& args) {
             chains = sections::chain_arguments(args);
         }});
    lesson.section("readers", "two reads: 3 s awaited in turn, 2 s as tasks", sections::readers);
    lesson.section("fun", "await a 2 s task before or after sleep(1): 3 s or 2 s", sections::fun);
    lesson.section("future", "a Future set by another task after 1 s", sections::future);
    lesson.section("tasks", "create_task, gather over a tuple and a vector, exceptions", sections::tasks);
    lesson.section("cancel", "cancel(): CancelledError where the task waits, and RAII cleanup", sections::cancel);
    lesson.section("timeout", "wait_for: the result in time, or TimeoutError and the work cancelled",
                   sections::timeout);
    lesson.section("blocking", "a blocking sleep inside a coroutine stalls every task", sections::blocking);
    lesson.section("propagate", "a cancel reaches the awaited task; catch (std::exception&) cannot swallow it",
                   sections::propagate);
    lesson.section("leftovers", "what run does with tasks nobody awaited, and why it cannot be nested",
                   sections::leftovers);
    lesson.section("racing", "as_completed and wait: answers in finishing order, the first one, a deadline",
                   sections::racing);
    lesson.section("settled", "gather_settled: every outcome; shield: a save that outlives its timeout",
                   sections::settled);
    int tasks = 100'000;
    lesson.flags().add("tasks", '\0', "how many sleeping tasks the scale section starts (default 100000)", tasks, 1,
                       10'000'000);
    lesson.section(
        "scale", [&tasks] { return fmt::format("{} tasks sleep 1 s each, at once: about 1 s", tasks); },
        [&tasks](common::Context& ctx) { sections::scale(ctx, tasks); });
    lesson.section("offload", "a blocking call stalls a heartbeat; awaited with to_thread, it keeps ticking",
                   sections::offload);
    lesson.section("parallel", "no GIL: two CPU-bound jobs on two threads, and the cores free to run them (measured)",
                   sections::parallel);
    int pages = 100;
    lesson.flags().add("pages", '\0', "how many pages the downloads section fetches (default 100; two sockets each)",
                       pages, 1, 400);
    std::string site;
    lesson.flags().add("site", '\0', "downloads: fetch the pages from this HTTP server (http://127.0.0.1:PORT/...)",
                       site);
    lesson.flags().set_value_name("site", "URL");
    lesson.section(
        "downloads",
        [&pages] {
            return fmt::format("{} pages from a server on the same loop: in turn, at once, with errors", pages);
        },
        [&pages, &site](common::Context& ctx) { sections::downloads(ctx, pages, site); },
        {.default_speed = 20.0, .parse_arguments = [&site](const std::vector<std::string>& args) {
             sections::check_downloads_arguments(args, site);  // bad --site: one line, exit 2
         }});
    int port = 8004;
    lesson.flags().add("port", '\0',
                       "the port the serve section listens on, on 127.0.0.1 (default 8004; 0: a free one)", port, 0,
                       65535);
    double seconds = common::forever;
    lesson.flags().add("seconds", '\0', "serve for this many seconds, then stop (default: until Ctrl-C)", seconds, 0.1,
                       86'400.0);
    lesson.section(
        "serve",
        [&port] {
            return fmt::format("the page site on {}, for curl or a browser",
                               port == 0 ? std::string("a free port") : fmt::format("http://127.0.0.1:{}", port));
        },
        [&port, &seconds](common::Context& ctx) { sections::serve(ctx, port, seconds); });
    lesson.section("underhood", "one turn of the loop with I/O: poll timeout, epoll_wait, timers, ready queue",
                   sections::underhood);
    int clients = 20;
    lesson.flags().add("clients", '\0', "how many concurrent clients the servers section runs (default 20)", clients, 1,
                       200);
    bool with_ab = false;
    lesson.flags().add("ab", '\0', "servers: load each server with ab (apache2-utils) too, after the built-in load",
                       with_ab);
    lesson.section(
        "servers",
        [&clients] {
            return fmt::format(
                "one handler, three servers (one at a time, a thread each, the loop), {} clients; real time", clients);
        },
        [&clients, &with_ab](common::Context& ctx) { sections::servers(ctx, clients, with_ab); });
    lesson.section("subprocess",
                   "a child's lines read while a heartbeat ticks; a kill after wait_for; communicate(): input in, "
                   "outputs out",
                   sections::subprocess);
    lesson.section("processes",
                   "CPU-bound jobs in worker processes next to to_thread: what sending the data costs (measured)",
                   sections::processes);
    return lesson.run(argc, argv);
}
