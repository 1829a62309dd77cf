// Section "propagate": a cancel() reaches what the task awaits, and CancelledError gets through
// a catch (const std::exception&).
#include <exception>
#include <string>

#include "aio/aio.hpp"
#include "sections.hpp"

namespace sections {

namespace {

aio::Coroutine<std::string> fetch(common::Context& ctx, std::string what) {
    try {
        co_await aio::sleep(10.0);
    } catch (const aio::CancelledError&) {
        ctx.log.print("  fetch: CancelledError where it sleeps: the cancel reached the awaited task");
        throw;
    }
    co_return what;
}

aio::Coroutine<void> read(common::Context& ctx, aio::Task<std::string> fetcher) {
    try {
        const std::string page = co_await fetcher;
        ctx.log.print("  reader: got {}", page);
    } catch (const aio::CancelledError&) {
        ctx.log.print("  reader: CancelledError from co_await fetcher, once the fetcher has stopped");
        throw;
    }
}

aio::Coroutine<void> catches_everything(common::Context& ctx) {
    try {
        co_await aio::sleep(10.0);
    } catch (const std::exception& error) {
        ctx.log.print("  guard: caught {}", error.what());  // not reached: a cancel is no error
    }
}

aio::Coroutine<void> propagate_main(common::Context& ctx) {
    aio::Task<std::string> fetcher = aio::create_task(fetch(ctx, "the page"));
    aio::Task<void> reader = aio::create_task(read(ctx, fetcher));
    co_await aio::sleep(1.0);
    ctx.log.print("main: reader.cancel() while the reader awaits the fetcher");
    reader.cancel();
    try {
        co_await reader;
    } catch (const aio::CancelledError&) {}
    ctx.log.print("main: reader.cancelled() = {}, fetcher.cancelled() = {}", reader.cancelled(), fetcher.cancelled());

    ctx.log.print("main: cancel a task whose sleep sits in try {{ }} catch (const std::exception&) {{ }}");
    aio::Task<void> guard = aio::create_task(catches_everything(ctx));
    co_await aio::sleep(1.0);
    guard.cancel();
    try {
        co_await guard;
    } catch (const aio::CancelledError&) {
        ctx.log.print("main: the catch did not swallow it: cancelled() = {}", guard.cancelled());
    }
}

}  // namespace

void propagate(common::Context& ctx) { aio::run(propagate_main(ctx), {.clock = &ctx.clock}); }

}  // namespace sections
