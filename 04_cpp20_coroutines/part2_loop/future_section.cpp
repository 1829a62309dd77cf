#include <string>

#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Python (the asyncio documentation's Future example):
//     async def set_after(fut, delay, value):
//         await asyncio.sleep(delay)
//         fut.set_result(value)
aio::Coroutine<void> set_after(common::Context& ctx, aio::Future<std::string> future, double delay, std::string value) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "set_after", "sleep, then set_result");
    co_await aio::sleep(delay);
    ctx.log.print("set_after: future.set_result('{}')", value);
    future.set_result(std::move(value));
}

//     async def main():
//         fut = loop.create_future()
//         loop.create_task(set_after(fut, 1, '... world'))
//         print('hello ...')
//         print(await fut)
aio::Coroutine<void> future_main(common::Context& ctx) {
    const aio::Future<std::string> future;
    aio::Task<void> setter = aio::create_task(set_after(ctx, future, 1.0, "... world"));
    ctx.log.print("hello ...   (future.done() = {})", future.done());
    std::string value;
    {
        const common::ScopedSpan span(ctx.timeline, ctx.clock, "main", "await future");
        value = co_await future;
    }
    ctx.log.print("{}   (awaited the future)", value);
    co_await setter;
}

}  // namespace

void future(common::Context& ctx) { aio::run(future_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
