// The lesson's sections, one function each, registered by main.cpp.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "common/lesson.hpp"

namespace sections {

// Part 1, coroutines by hand (part1_coroutines/README.md).
// 1. co_yield: Fibonacci | take(10), and what the compiler's frame holds.
void generator(common::Context& ctx);
// 2. A traced coroutine: every call the compiler inserts around co_await, in order.
void anatomy(common::Context& ctx);
// 3. aio::Coroutine: awaited inline, and a flat stack however deep the chain.
void coroutine(common::Context& ctx);
// Part 2, the event loop (part2_loop/README.md).
// 4. The event loop: ready queue, timers, run_forever, stop, close.
void loop(common::Context& ctx);
// 5. The originals, ported.
void hello(common::Context& ctx);
void sleepers(common::Context& ctx);
void count(common::Context& ctx);
void makerandom(common::Context& ctx, std::uint64_t seed);
void chain(common::Context& ctx, std::uint64_t seed, const std::vector<int>& args);
// chain's N... as chained.py reads them (map(int, sys.argv[1:])); none: 1 2 3. UsageError if bad.
std::vector<int> chain_arguments(const std::vector<std::string>& args);
void readers(common::Context& ctx);
void fun(common::Context& ctx);
void future(common::Context& ctx);
// 6. Tasks in depth.
void tasks(common::Context& ctx);
void cancel(common::Context& ctx);
void timeout(common::Context& ctx);
void blocking(common::Context& ctx);
void propagate(common::Context& ctx);
void leftovers(common::Context& ctx);
void racing(common::Context& ctx);
void settled(common::Context& ctx);
// 7. Scale: `count` tasks sleeping 1 s each.
void scale(common::Context& ctx, int count);
// 8. Blocking work off the loop: to_thread keeps a heartbeat ticking; two CPU-bound jobs in parallel.
void offload(common::Context& ctx);
void parallel(common::Context& ctx);
// Part 3, I/O on the loop (part3_io/README.md).
// A page server and its client on one loop: `pages` pages one after the other, then at once;
// errors collected with gather_settled; pages as they arrive with as_completed; a server that
// serves 10 at once, and a client of 10 workers. With `site` ("http://127.0.0.1:8000"), the
// pages come from that server instead, on real time.
void downloads(common::Context& ctx, int pages, const std::string& site = {});
// downloads takes no arguments, and --site must be an http:// URL on this machine. UsageError if not.
void check_downloads_arguments(const std::vector<std::string>& args, const std::string& site);
// The page site on 127.0.0.1:port for clients of other programs (curl, a browser, ab), on real
// time, until Ctrl-C or for `seconds` (infinite: until Ctrl-C).
void serve(common::Context& ctx, int port, double seconds);
// One turn of the loop with epoll, and a live trace of a reader and a writer on a pipe.
void underhood(common::Context& ctx);
// The same handler served one request at a time, by a thread per connection and on the loop,
// under `clients` concurrent clients: requests/s and latency. Real time.
// with_ab: each server also under ApacheBench (`ab`), when it is installed.
void servers(common::Context& ctx, int clients, bool with_ab = false);
// A child process's output read line by line, its exit awaited, a kill; communicate() with its
// stdin, stdout and stderr.
void subprocess(common::Context& ctx);
// Two CPU-bound jobs on two threads, then in two worker processes (this program, started again
// with --hash-worker: /proc/self/exe must be the chapter binary), as the data per job grows:
// what the pipes cost. Measured.
void processes(common::Context& ctx);

}  // namespace sections
