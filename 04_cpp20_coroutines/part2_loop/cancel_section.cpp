#include <string>

#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// A resource the worker holds: its destructor runs when CancelledError unwinds the frame.
class Connection {
public:
    explicit Connection(common::Context& ctx) : ctx_(ctx) { ctx_.log.print("  worker: connection opened"); }
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;
    ~Connection() { ctx_.log.print("  worker: ~Connection(): connection closed (RAII)"); }

private:
    common::Context& ctx_;
};

aio::Coroutine<void> worker(common::Context& ctx) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "worker", "working until cancelled");
    const Connection connection(ctx);
    try {
        for (int step = 1;; ++step) {
            co_await aio::sleep(1.0);
            ctx.log.print("  worker: step {} done", step);
        }
    } catch (const aio::CancelledError&) {
        ctx.log.print("  worker: CancelledError raised where it waited (in sleep); re-raising");
        throw;
    }
}

aio::Coroutine<void> cancel_main(common::Context& ctx) {
    aio::Task<void> task = aio::create_task(worker(ctx));
    co_await aio::sleep(2.5);
    ctx.log.print("main: task.cancel() -> {}", task.cancel());
    ctx.log.print("main: the task has not stopped yet (done() = {}): it will at the next turn", task.done());
    try {
        co_await task;
    } catch (const aio::CancelledError&) {
        ctx.log.print("main: awaiting it raises CancelledError; cancelled() = {}", task.cancelled());
    }
}

}  // namespace

void cancel(common::Context& ctx) { aio::run(cancel_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
