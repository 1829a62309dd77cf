// Misuse is a clear exception (or, for a loop destroyed while it runs, a clear message and
// std::terminate), never undefined behaviour or a hang.
#include "course_test.hpp"

#include <csignal>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include "aio/aio.hpp"

namespace {

aio::Coroutine<void> awaits_itself(aio::Task<void>& self) { co_await self; }

aio::Coroutine<void> gathers_itself(aio::Task<void>& self) { co_await aio::gather(self); }

aio::Coroutine<void> waits_for_itself(aio::Task<void>& self) { co_await aio::wait_for(self, 1.0); }

using SelfAwait = aio::Coroutine<void> (*)(aio::Task<void>&);

aio::Coroutine<std::string> start_self_await(SelfAwait body) {
    aio::Task<void> task;
    task = aio::create_task(body(task));
    try {
        co_await task;
    } catch (const std::logic_error& error) {
        co_return error.what();
    }
    co_return "no error";
}

}  // namespace

TEST_CASE("a task awaiting itself (directly, in gather, in wait_for) throws std::logic_error at once, on any clock") {
    const std::string message = "a task cannot await itself (asyncio: Task cannot await on itself)";
    for (const SelfAwait body : {&awaits_itself, &gathers_itself, &waits_for_itself}) {
        CHECK(aio::run(start_self_await(body), {.virtual_time = true}) == message);
        CHECK(aio::run(start_self_await(body)) == message);
    }
}

namespace {

aio::Coroutine<void> nap(double seconds) { co_await aio::sleep(seconds); }

aio::Coroutine<std::string> await_foreign_task(aio::Task<void> foreign) {
    try {
        co_await foreign;
    } catch (const std::logic_error& error) {
        co_return error.what();
    }
    co_return "no error";
}

aio::Coroutine<aio::Future<int>> make_future() { co_return aio::Future<int>(); }

aio::Coroutine<std::string> await_foreign_future(aio::Future<int> foreign) {
    try {
        co_await foreign;
    } catch (const std::logic_error& error) {
        co_return error.what();
    }
    co_return "no error";
}

}  // namespace

TEST_CASE("awaiting a task or a future of another loop throws std::logic_error instead of hanging") {
    aio::EventLoop a({.virtual_time = true});
    aio::EventLoop b({.virtual_time = true});
    const aio::Task<void> task_of_a = a.create_task(nap(1.0));
    CHECK(b.run_until_complete(await_foreign_task(task_of_a)) ==
          "awaiting a task of another event loop (asyncio: Task got Future attached to a different loop)");
    const aio::Future<int> future_of_a = a.run_until_complete(make_future());
    CHECK(b.run_until_complete(await_foreign_future(future_of_a)) ==
          "awaiting a future of another event loop (asyncio: Task got Future attached to a different loop)");
}

namespace {

aio::Coroutine<void> mark_started(bool& started) {
    started = true;
    co_return;
}

aio::Coroutine<std::string> gather_foreign_task(aio::Task<void> foreign, bool& started) {
    try {
        co_await aio::gather(mark_started(started), foreign);
    } catch (const std::logic_error& error) {
        co_return error.what();
    }
    co_return "no error";
}

aio::Coroutine<std::string> wait_for_foreign_task(aio::Task<void> foreign) {
    try {
        co_await aio::wait_for(foreign, 1.0);
    } catch (const std::logic_error& error) {
        co_return error.what();
    }
    co_return "no error";
}

}  // namespace

TEST_CASE("gather and wait_for refuse a task of another loop before they schedule anything") {
    aio::EventLoop a({.virtual_time = true});
    aio::EventLoop b({.virtual_time = true});
    const aio::Task<void> task_of_a = a.create_task(nap(1.0));
    bool started = false;
    CHECK(b.run_until_complete(gather_foreign_task(task_of_a, started)) ==
          "gather: a task of another event loop (asyncio: Task got Future attached to a different loop)");
    CHECK_FALSE(started);  // the coroutine beside it never became a task
    CHECK(b.run_until_complete(wait_for_foreign_task(task_of_a)) ==
          "wait_for: a task of another event loop (asyncio: ValueError: The future belongs to a different loop than "
          "the one specified as the loop argument)");
    CHECK(b.unfinished_tasks() == 0);
    CHECK(b.time() == 0.0);
    // Its own loop still runs it to the end.
    a.run_until_complete(aio::Task<void>(task_of_a));
    CHECK(a.time() == 1.0);
}

namespace {

aio::Coroutine<void> writes(int& target) {
    target = 1;
    co_return;
}

aio::Coroutine<std::string> nested_run() {
    int written = 0;
    std::string message;
    try {
        aio::get_running_loop().run_until_complete(writes(written));
    } catch (const std::logic_error& error) {
        message = error.what();
    }
    const std::size_t unfinished = aio::get_running_loop().unfinished_tasks();
    co_await aio::sleep(1.0);
    co_return fmt::format("{} | unfinished {} | written {}", message, unfinished, written);
}

}  // namespace

TEST_CASE("run_until_complete inside the running loop is refused before anything is scheduled") {
    CHECK(aio::run(nested_run(), {.virtual_time = true}) ==
          "run_until_complete: this event loop is already running (asyncio: RuntimeError) | unfinished 1 | written 0");
}

namespace {

// A value whose move may throw: set_result must not leave the future done without a value.
struct Fragile {
    explicit Fragile(bool fails) : fails_on_move(fails) {}
    Fragile(const Fragile&) = delete;
    Fragile(Fragile&& other) : fails_on_move(other.fails_on_move) {
        if (fails_on_move) throw std::runtime_error("move failed");
    }
    Fragile& operator=(const Fragile&) = delete;
    Fragile& operator=(Fragile&&) = delete;
    ~Fragile() = default;
    bool fails_on_move;
};

}  // namespace

TEST_CASE("a Future is never done without a value: a null exception is refused, a throwing move leaves it pending") {
    aio::Future<int> future;
    CHECK_THROWS_WITH_AS(future.set_exception(nullptr), "Future::set_exception: a null exception_ptr",
                         std::invalid_argument);
    CHECK_FALSE(future.done());
    future.set_result(3);
    CHECK(future.result() == 3);

    aio::Future<Fragile> fragile;
    CHECK_THROWS_AS(fragile.set_result(Fragile(true)), std::runtime_error);
    CHECK_FALSE(fragile.done());
    fragile.set_result(Fragile(false));
    CHECK(fragile.done());
}

TEST_CASE("destroying a running loop prints a clear message, then std::terminate") {
    int pipe_ends[2];
    REQUIRE(::pipe(pipe_ends) == 0);
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        std::signal(SIGABRT, SIG_DFL);  // the test framework's crash handler stays in the parent
        ::dup2(pipe_ends[1], 2);
        ::dup2(pipe_ends[1], 1);
        std::optional<aio::EventLoop> loop(std::in_place, aio::RunOptions{.virtual_time = true});
        loop->call_soon([&loop] { loop.reset(); });
        loop->run_forever();
        ::_exit(0);  // not reached
    }
    ::close(pipe_ends[1]);
    std::string written;
    char buffer[256];
    for (ssize_t n = ::read(pipe_ends[0], buffer, sizeof buffer); n > 0;
         n = ::read(pipe_ends[0], buffer, sizeof buffer)) {
        written.append(buffer, static_cast<std::size_t>(n));
    }
    ::close(pipe_ends[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGABRT);
    CHECK(written.rfind("aio::EventLoop destroyed while it runs (from one of its own callbacks?): terminating\n", 0) ==
          0);
}
