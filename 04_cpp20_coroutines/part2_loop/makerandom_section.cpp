#include <cstdint>
#include <tuple>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "common/py_random.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Python (Real Python's rand.py; tests/python/rand.py runs it on virtual time):
//     async def makerandom(idx: int, threshold: int = 6) -> int:
//         print(c[idx + 1] + f"Initiated makerandom({idx}).")
//         i = random.randint(0, 10)
//         while i <= threshold:
//             print(c[idx + 1] + f"makerandom({idx}) == {i} too low; retrying.")
//             await asyncio.sleep(idx + 1)
//             i = random.randint(0, 10)
//         print(c[idx + 1] + f"---> Finished: makerandom({idx}) == {i}" + c[0])
//         return i
aio::Coroutine<std::int64_t> makerandom(common::Context& ctx, common::PyRandom& random, int idx, int threshold) {
    const common::Style style = common::actor_style(static_cast<std::size_t>(idx));
    const std::string lane = fmt::format("makerandom({})", idx);
    ctx.log.print(style, "Initiated makerandom({}).", idx);
    std::int64_t i = random.randint(0, 10);
    while (i <= threshold) {
        ctx.log.print(style, "makerandom({}) == {} too low; retrying.", idx, i);
        const common::ScopedSpan span(ctx.timeline, ctx.clock, lane, fmt::format("{} too low", i));
        co_await aio::sleep(idx + 1);
        i = random.randint(0, 10);
    }
    ctx.log.print(style, "---> Finished: makerandom({}) == {}", idx, i);
    co_return i;
}

// Python:
//     res = await asyncio.gather(*(makerandom(i, 10 - i - 1) for i in range(3)))
//     ...
//     random.seed(444)
//     r1, r2, r3 = asyncio.run(main())
//     print()
//     print(f"r1: {r1}, r2: {r2}, r3: {r3}")
aio::Coroutine<void> makerandom_main(common::Context& ctx, std::uint64_t seed) {
    common::PyRandom random(seed);
    const auto [r1, r2, r3] = co_await aio::gather(makerandom(ctx, random, 0, 9), makerandom(ctx, random, 1, 8),
                                                   makerandom(ctx, random, 2, 7));
    ctx.log.plain("");
    ctx.log.print("r1: {}, r2: {}, r3: {}", r1, r2, r3);
}

}  // namespace

void makerandom(common::Context& ctx, std::uint64_t seed) {
    aio::run(makerandom_main(ctx, seed), {.clock = &ctx.clock});
}

}  // namespace sections
