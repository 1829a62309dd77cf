// Errors never vanish and never tear the loop down: a failing callback goes to the loop's
// exception handler and the turn goes on; a task exception nobody retrieved is reported.
#include "course_test.hpp"

#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <unistd.h>

#include "aio/aio.hpp"

namespace {

using Lines = std::vector<std::string>;

// Runs `body` with stderr going to a temporary file, and returns what it wrote.
template <class Body>
std::string capture_stderr(Body body) {
    std::fflush(stderr);
    std::FILE* file = std::tmpfile();
    const int saved = ::dup(2);
    ::dup2(::fileno(file), 2);
    body();
    std::fflush(stderr);
    ::dup2(saved, 2);
    ::close(saved);
    std::string text;
    std::rewind(file);
    for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) text.push_back(static_cast<char>(c));
    std::fclose(file);
    return text;
}

}  // namespace

TEST_CASE("a callback's exception goes to the exception handler, the rest of the turn runs, no stop() is left over") {
    aio::EventLoop loop({.virtual_time = true});
    Lines reports;
    Lines ran;
    loop.set_exception_handler([&](const aio::ErrorContext& context) { reports.push_back(context.describe()); });
    loop.call_soon([&] { loop.stop(); });
    loop.call_soon([] { throw std::runtime_error("boom"); });
    loop.call_soon([&] { ran.emplace_back("after boom"); });
    loop.call_later(0.5, [] { throw std::runtime_error("late boom"); });
    loop.run_forever();
    CHECK(reports == Lines{"Exception in callback: boom"});
    CHECK(ran == Lines{"after boom"});
    loop.call_later(1.0, [&] { loop.stop(); });
    loop.run_forever();
    CHECK(loop.time() == 1.0);
    CHECK(reports == Lines{"Exception in callback: boom", "Exception in callback: late boom"});
}

TEST_CASE("the default exception handler writes one line on stderr, like asyncio's") {
    const std::string written = capture_stderr([] {
        aio::EventLoop loop({.virtual_time = true});
        loop.call_soon([] { throw std::runtime_error("boom"); });
        loop.call_soon([&loop] { loop.stop(); });
        loop.run_forever();
    });
    CHECK(written == "Exception in callback: boom\n");
}

namespace {

aio::Coroutine<int> fails(std::string what) {
    co_await aio::sleep(1.0);
    throw std::runtime_error(what);
}

aio::Coroutine<void> sleeps_long() { co_await aio::sleep(10.0); }

aio::Coroutine<void> leaves_failures(Lines& reports) {
    aio::get_running_loop().set_exception_handler(
        [&reports](const aio::ErrorContext& context) { reports.push_back(context.describe()); });
    aio::create_task(fails("nobody looked"));
    aio::Task<int> awaited = aio::create_task(fails("awaited"));
    aio::Task<void> cancelled = aio::create_task(sleeps_long());
    co_await aio::sleep(2.0);
    try {
        co_await awaited;
    } catch (const std::runtime_error&) {}
    cancelled.cancel();
    co_await aio::sleep(0.0);
}

}  // namespace

TEST_CASE("a task exception nobody retrieved is reported when the task goes, retrieved or cancelled ones are not") {
    Lines reports;
    aio::run(leaves_failures(reports), {.virtual_time = true});
    CHECK(reports == Lines{"Task exception was never retrieved: nobody looked"});
}
