#include <cstdint>
#include <random>
#include <string>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "random_int.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Python (Real Python's chained.py):
//     async def part1(n: int) -> str:
//         i = random.randint(0, 10)
//         print(f"part1({n}) sleeping for {i} seconds.")
//         await asyncio.sleep(i)
//         result = f"result{n}-1"
//         print(f"Returning part1({n}) == {result}.")
//         return result
aio::Coroutine<std::string> part1(common::Context& ctx, std::mt19937& random, int n) {
    const common::Style style = common::actor_style(static_cast<std::size_t>(n / 3));
    const int i = coroutines::random_int(random, 0, 10);
    ctx.log.print(style, "part1({}) sleeping for {} seconds.", n, i);
    const common::ScopedSpan span(ctx.timeline, ctx.clock, fmt::format("chain({})", n), "part1");
    co_await aio::sleep(i);
    std::string result = fmt::format("result{}-1", n);
    ctx.log.print(style, "Returning part1({}) == {}.", n, result);
    co_return result;
}

//     async def part2(n: int, arg: str) -> str:
//         i = random.randint(0, 10)
//         print(f"part2{n, arg} sleeping for {i} seconds.")
//         await asyncio.sleep(i)
//         result = f"result{n}-2 derived from {arg}"
//         print(f"Returning part2{n, arg} == {result}.")
//         return result
aio::Coroutine<std::string> part2(common::Context& ctx, std::mt19937& random, int n, std::string arg) {
    const common::Style style = common::actor_style(static_cast<std::size_t>(n / 3));
    const int i = coroutines::random_int(random, 0, 10);
    ctx.log.print(style, "part2({}, '{}') sleeping for {} seconds.", n, arg, i);
    const common::ScopedSpan span(ctx.timeline, ctx.clock, fmt::format("chain({})", n), "part2");
    co_await aio::sleep(i);
    std::string result = fmt::format("result{}-2 derived from {}", n, arg);
    ctx.log.print(style, "Returning part2({}, '{}') == {}.", n, arg, result);
    co_return result;
}

//     async def chain(n: int) -> None:
//         start = time.perf_counter()
//         p1 = await part1(n)
//         p2 = await part2(n, p1)
//         end = time.perf_counter() - start
//         print(f"-->Chained result{n} => {p2} (took {end:0.2f} seconds).")
aio::Coroutine<void> chain(common::Context& ctx, std::mt19937& random, int n) {
    const double start = aio::time();
    std::string p1 = co_await part1(ctx, random, n);
    const std::string p2 = co_await part2(ctx, random, n, std::move(p1));
    const double end = aio::time() - start;
    ctx.log.print(common::actor_style(static_cast<std::size_t>(n / 3)),
                  "-->Chained result{} => {} (took {:0.2f} seconds).", n, p2, end);
}

//     await asyncio.gather(*(chain(n) for n in (9, 6, 3)))
aio::Coroutine<void> chain_main(common::Context& ctx, std::uint64_t seed) {
    std::mt19937 random(static_cast<std::mt19937::result_type>(seed));
    const double start = aio::time();
    co_await aio::gather(chain(ctx, random, 9), chain(ctx, random, 6), chain(ctx, random, 3));
    ctx.log.print("Program finished in {:0.2f} seconds.", aio::time() - start);
}

}  // namespace

void chain(common::Context& ctx, std::uint64_t seed) {
    ctx.log.print("random.seed({}); chain(9), chain(6) and chain(3) under gather", seed);
    aio::run(chain_main(ctx, seed), {.clock = &ctx.clock});
}

}  // namespace sections
