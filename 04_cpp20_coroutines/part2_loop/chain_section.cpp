#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "common/py_random.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Python (Real Python's chained.py; tests/python/chained.py runs it on virtual time):
//     async def part1(n: int) -> str:
//         i = random.randint(0, 10)
//         print(f"part1({n}) sleeping for {i} seconds.")
//         await asyncio.sleep(i)
//         result = f"result{n}-1"
//         print(f"Returning part1({n}) == {result}.")
//         return result
aio::Coroutine<std::string> part1(common::Context& ctx, common::PyRandom& random, common::Style style, int n) {
    const std::int64_t i = random.randint(0, 10);
    ctx.log.print(style, "part1({}) sleeping for {} seconds.", n, i);
    const common::ScopedSpan span(ctx.timeline, ctx.clock, fmt::format("chain({})", n), "part1");
    co_await aio::sleep(static_cast<double>(i));
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
aio::Coroutine<std::string> part2(common::Context& ctx, common::PyRandom& random, common::Style style, int n,
                                  std::string arg) {
    const std::int64_t i = random.randint(0, 10);
    ctx.log.print(style, "part2({}, '{}') sleeping for {} seconds.", n, arg, i);
    const common::ScopedSpan span(ctx.timeline, ctx.clock, fmt::format("chain({})", n), "part2");
    co_await aio::sleep(static_cast<double>(i));
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
aio::Coroutine<void> chain(common::Context& ctx, common::PyRandom& random, common::Style style, int n) {
    const double start = aio::time();
    std::string p1 = co_await part1(ctx, random, style, n);
    const std::string p2 = co_await part2(ctx, random, style, n, std::move(p1));
    const double end = aio::time() - start;
    ctx.log.print(style, "-->Chained result{} => {} (took {:0.2f} seconds).", n, p2, end);
}

//     async def main(*args):
//         await asyncio.gather(*(chain(n) for n in args))
//     ...
//     random.seed(444)
//     args = [1, 2, 3] if len(sys.argv) == 1 else map(int, sys.argv[1:])
//     start = time.perf_counter()
//     asyncio.run(main(*args))
//     end = time.perf_counter() - start
//     print(f"Program finished in {end:0.2f} seconds.")
aio::Coroutine<void> chain_main(common::Context& ctx, common::PyRandom& random, std::vector<int> args) {
    std::vector<aio::Coroutine<void>> chains;
    for (std::size_t k = 0; k < args.size(); ++k) chains.push_back(chain(ctx, random, common::actor_style(k), args[k]));
    co_await aio::gather(std::move(chains));
}

}  // namespace

std::vector<int> chain_arguments(const std::vector<std::string>& args) {
    if (args.empty()) return {1, 2, 3};
    std::vector<int> numbers;
    for (const std::string& arg : args) {
        const long long n = common::parse_integer(arg, "chain");
        if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max()) {
            throw common::UsageError(fmt::format("chain: '{}' is out of range", arg));
        }
        numbers.push_back(static_cast<int>(n));
    }
    return numbers;
}

void chain(common::Context& ctx, std::uint64_t seed, const std::vector<int>& args) {
    common::PyRandom random(seed);
    const double start = ctx.clock.now();
    aio::run(chain_main(ctx, random, args), {.clock = &ctx.clock});
    ctx.log.print("Program finished in {:0.2f} seconds.", ctx.clock.now() - start);
}

}  // namespace sections
