#include <cstddef>
#include <cstdint>

#include "aio/aio.hpp"
#include "nested_coroutine.hpp"
#include "sections.hpp"
#include "stack_depth.hpp"

namespace sections {

namespace {

aio::Coroutine<int> child(common::Context& ctx) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "child", "child(): sleep 1 s");
    ctx.log.print("  child: starts, in loop iteration {}", aio::get_running_loop().iterations());
    co_await aio::sleep(1.0);
    ctx.log.print("  child: slept 1 s, returns 42");
    co_return 42;
}

// The deepest any of the 1'000'000 awaits of returns_one() ran: the lowest stack position seen.
std::uintptr_t lowest_one = 0;

aio::Coroutine<int> returns_one() {
    const std::uintptr_t here = coroutines::stack_position();
    if (lowest_one == 0 || here < lowest_one) lowest_one = here;
    co_return 1;
}

// A verdict that follows from the bytes measured: a frame or two of the driver is no growth.
const char* verdict(std::size_t growth) { return growth < 4096 ? "flat (under 4 KB)" : "it grew"; }

aio::Coroutine<std::uintptr_t> deepest(int depth) {
    if (depth == 0) co_return coroutines::stack_position();
    co_return co_await deepest(depth - 1);
}

// The nested type cannot return a whole address through an int; it records it here instead.
std::uintptr_t nested_bottom = 0;

coroutines::NestedCoroutine nested_chain(int depth) {
    if (depth == 0) {
        nested_bottom = coroutines::stack_position();
        co_return 0;
    }
    co_return 1 + co_await nested_chain(depth - 1);
}

aio::Coroutine<void> main_coroutine(common::Context& ctx) {
    auto& log = ctx.log;
    {
        const common::ScopedSpan span(ctx.timeline, ctx.clock, "main", "co_await child()");
        log.print("main: auto c = child();   // lazy: nothing of child runs yet");
        aio::Coroutine<int> c = child(ctx);
        log.print("main: co_await std::move(c), in loop iteration {}", aio::get_running_loop().iterations());
        const int value = co_await std::move(c);
        log.print("main: got {}: the child ran inside main, in the same iteration: no trip through the loop", value);
    }

    log.print("a chain of 10'000 co_awaits, each level awaiting the next:");
    const std::uintptr_t top = coroutines::stack_position();
    const std::uintptr_t bottom = co_await deepest(10'000);
    const std::size_t aio_growth = coroutines::stack_growth(top, bottom);
    log.print("  aio::Coroutine: the deepest level runs {} bytes deeper than main: {}", aio_growth,
              verdict(aio_growth));

    coroutines::NestedCoroutine nested = nested_chain(1'000);
    const std::uintptr_t nested_top = coroutines::stack_position();
    nested.run();
    const std::size_t nested_growth = coroutines::stack_growth(nested_top, nested_bottom);
    // Each level keeps at least its return address on the stack: the parent goes on after
    // resume() returns, so no compiler may turn that call into a jump.
    log.print("  resumed from inside await_suspend, only 1'000 deep: {} bytes deeper than main, {} per level: {}",
              nested_growth, nested_growth / 1'000,
              nested_growth >= 1'000 * sizeof(void*) ? "it grows with every level" : "the optimiser flattened it");

    log.print("1'000'000 co_awaits of a coroutine that finishes at once:");
    long sum = 0;
    lowest_one = 0;
    const std::uintptr_t loop_top = coroutines::stack_position();
    for (int i = 0; i < 1'000'000; ++i) sum += co_await returns_one();
    const std::size_t ones_growth = coroutines::stack_growth(loop_top, lowest_one);
    log.print("  sum = {}; the deepest of them ran {} bytes deeper than main: {}", sum, ones_growth,
              verdict(ones_growth));
}

}  // namespace

void coroutine(common::Context& ctx) { aio::run(main_coroutine(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
