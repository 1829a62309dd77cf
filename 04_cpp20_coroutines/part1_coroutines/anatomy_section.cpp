#include <stdexcept>

#include "sections.hpp"
#include "traced_awaiter.hpp"
#include "traced_coroutine.hpp"

namespace sections {

namespace {

using traced::Decision;
using traced::trace;
using traced::TracedAwaiter;
using traced::TracedCoroutine;

// A local of the body, to show when the compiler destroys the body's locals.
class Local {
public:
    Local() { trace("  body: Local local;"); }
    ~Local() { trace("  body: ~Local(): the body's locals die before final_suspend"); }
    Local(const Local&) = delete;
    Local& operator=(const Local&) = delete;
};

// Each co_await names its result first: clang 14 miscompiles co_await inside ?: and braces.
TracedCoroutine answer() {
    trace("  body: started");
    const Local local;
    trace("  body: co_await TracedAwaiter(\"ready\", ...)");
    const int one = co_await TracedAwaiter("ready", Decision::ready, 1);
    trace("  body: co_await TracedAwaiter(\"declines\", ...)");
    const int two = co_await TracedAwaiter("declines", Decision::resume_at_once, 2);
    trace("  body: co_await TracedAwaiter(\"pending\", ...)");
    const int three = co_await TracedAwaiter("pending", Decision::suspend, 39);
    trace("  body: co_return 1 + 2 + 39;");
    co_return one + two + three;
}

TracedCoroutine fails() {
    trace("  body: started");
    const Local local;
    trace("  body: co_await TracedAwaiter(\"pending\", ...)");
    co_await TracedAwaiter("pending", Decision::suspend);
    trace("  body: throw std::runtime_error(\"no answer\");");
    throw std::runtime_error("no answer");
}

}  // namespace

void anatomy(common::Context& ctx) {
    auto& log = ctx.log;
    const traced::TraceTo trace_to(log);
    {
        log.print("main: auto coro = answer();");
        const TracedCoroutine coro = answer();
        log.print("main: answer() returned; its body has not started");
        log.print("main: coro.resume();");
        coro.resume();
        log.print("main: back in main, the body waits at co_await; an event loop would resume it later");
        log.print("main: coro.resume();");
        coro.resume();
        log.print("main: coro.done() -> {}, coro.result() -> {}", coro.done(), coro.result());
        log.print("main: coro goes out of scope");
    }
    log.print("main: auto coro = fails();");
    const TracedCoroutine coro = fails();
    log.print("main: coro.resume();");
    coro.resume();
    log.print("main: coro.resume();");
    coro.resume();
    try {
        log.print("main: coro.done() -> {}; coro.result() rethrows:", coro.done());
        static_cast<void>(coro.result());
    } catch (const std::runtime_error& error) {
        log.print("main: caught std::runtime_error(\"{}\")", error.what());
    }
    log.print("main: coro goes out of scope");
}

}  // namespace sections
