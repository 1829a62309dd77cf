#include <string_view>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Two versions of the same program, each run by its own asyncio.run():
//     async def main():                      async def main():    # the asyncio docs' version
//         print("Hello ...")                     print('hello')
//         await asyncio.sleep(2)                 await asyncio.sleep(1)
//         print("... World!")                    print('world')
//     asyncio.run(main())                    asyncio.run(main())
aio::Coroutine<void> hello_main(common::Context& ctx, std::string_view first, double seconds, std::string_view second) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "main", fmt::format("await sleep({})", seconds));
    ctx.log.print("{}", first);
    co_await aio::sleep(seconds);
    ctx.log.print("{}", second);
}

}  // namespace

void hello(common::Context& ctx) {
    aio::run(hello_main(ctx, "Hello ...", 2.0, "... World!"), {.clock = &ctx.clock});
    aio::run(hello_main(ctx, "hello", 1.0, "world"), {.clock = &ctx.clock});
}

}  // namespace sections
