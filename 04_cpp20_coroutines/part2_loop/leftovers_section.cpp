// Section "leftovers": what aio::run does with the tasks nobody awaited when main returns, where
// errors nobody retrieved go, and why run cannot be nested.
#include <stdexcept>

#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

aio::Coroutine<void> logger(common::Context& ctx) {
    ctx.log.print("  logger: started during shutdown");  // never printed: it gets no turn
    co_await aio::sleep(60.0);
}

aio::Coroutine<void> poller(common::Context& ctx) {
    try {
        for (;;) co_await aio::sleep(1.0);
    } catch (const aio::CancelledError&) {
        ctx.log.print("  poller: CancelledError: run cancels what main left behind, and waits for it");
        aio::create_task(logger(ctx));  // new work during shutdown: run will not wait for it
        throw;
    }
}

aio::Coroutine<int> failing() {
    co_await aio::sleep(1.0);
    throw std::runtime_error("ValueError: nobody looks at me");
}

aio::Coroutine<void> nothing() { co_return; }

aio::Coroutine<void> leftovers_main(common::Context& ctx) {
    aio::get_running_loop().set_exception_handler(
        [&ctx](const aio::ErrorContext& error) { ctx.log.print("  exception handler: {}", error.describe()); });
    ctx.log.print("main: create_task(poller()) and create_task(failing()), and await neither");
    aio::create_task(poller(ctx));
    aio::create_task(failing());
    co_await aio::sleep(2.5);
    try {
        aio::run(nothing());
    } catch (const std::logic_error& error) {
        ctx.log.print("main: aio::run inside main: {}", error.what());
    }
    ctx.log.print("main: returns");
}

}  // namespace

void leftovers(common::Context& ctx) {
    aio::run(leftovers_main(ctx), {.clock = &ctx.clock});
    ctx.log.print("aio::run returned: every frame is gone");
}

}  // namespace sections
