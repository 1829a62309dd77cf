#include <functional>
#include <string>

#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

aio::Coroutine<void> player(common::Context& ctx, std::string name, int turns) {
    for (int i = 0; i < turns; ++i) {
        ctx.log.print("  {} in iteration {}", name, aio::get_running_loop().iterations());
        ctx.timeline.instant(name, "turn", aio::time());
        co_await aio::sleep(0);  // exactly one turn of the loop: to the back of the ready queue
    }
}

aio::Coroutine<void> take_turns(common::Context& ctx) {
    aio::Task<void> ping = aio::create_task(player(ctx, "ping", 3));
    aio::Task<void> pong = aio::create_task(player(ctx, "pong", 3));
    co_await ping;
    co_await pong;
}

}  // namespace

void loop(common::Context& ctx) {
    auto& log = ctx.log;
    aio::EventLoop loop({.clock = &ctx.clock});
    auto say = [&](std::string what) {
        return [&, what] {
            log.print("  iteration {}: {}", loop.iterations(), what);
            ctx.timeline.instant("loop", what, loop.time());
        };
    };
    log.print("call_later(2, B); call_later(1, A); call_soon(first); call_soon(second); call_later(2, C)");
    loop.call_later(2.0, say("timer B (2 s)"));
    loop.call_later(1.0, say("timer A (1 s)"));
    loop.call_soon(say("call_soon: first"));
    loop.call_soon([&] {
        say("call_soon: second, which calls call_soon(third)")();
        loop.call_soon(say("third: what a callback schedules runs at the next turn"));
    });
    loop.call_later(2.0, say("timer C (2 s, set after B, so it fires after B)"));
    loop.call_later(3.0, [&] {
        say("timer at 3 s calls stop()")();
        loop.stop();
    });
    log.print("run_forever()");
    loop.run_forever();
    log.print("run_forever() returned: is_running() = {}, time() = {:.3f}", loop.is_running(), loop.time());

    log.print("run_until_complete(): two tasks take turns with sleep(0)");
    loop.run_until_complete(take_turns(ctx));
    loop.close();
    log.print("close(): is_closed() = {}", loop.is_closed());
}

}  // namespace sections
