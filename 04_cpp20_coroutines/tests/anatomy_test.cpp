#include "course_test.hpp"
#include "section_fixture.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "sections.hpp"
#include "traced_awaiter.hpp"
#include "traced_coroutine.hpp"

namespace {

using Lines = std::vector<std::string>;
using traced::Decision;
using traced::trace;
using traced::TracedAwaiter;
using traced::TracedCoroutine;

class Local {
public:
    Local() { trace("  body: Local local;"); }
    ~Local() { trace("  body: ~Local()"); }
    Local(const Local&) = delete;
    Local& operator=(const Local&) = delete;
};

TracedCoroutine waits_forever() {
    const Local local;
    co_await TracedAwaiter("pending", Decision::suspend);
    trace("  body: never gets here");
    co_return 0;
}

TracedCoroutine returns_at_once() { co_return 7; }

}  // namespace

TEST_CASE("the anatomy section shows every call the compiler inserts, in order, on the way to co_return") {
    SectionFixture f;
    sections::anatomy(f.ctx);
    const Lines lines = f.log.lines();
    REQUIRE(lines.size() == 36 + 28);
    CHECK(Lines(lines.begin(), lines.begin() + 36) ==
          Lines{
              "[  0.000s] main: auto coro = answer();",
              "[  0.000s]   operator new(frame size): the frame is allocated",
              "[  0.000s]   promise_type()",
              "[  0.000s]   get_return_object()",
              "[  0.000s]   initial_suspend()",
              "[  0.000s]   initial_suspend: await_ready() -> false",
              "[  0.000s]   initial_suspend: await_suspend(handle) -> true: suspended, back to the caller",
              "[  0.000s] main: answer() returned; its body has not started",
              "[  0.000s] main: coro.resume();",
              "[  0.000s]   initial_suspend: await_resume()",
              "[  0.000s]   body: started",
              "[  0.000s]   body: Local local;",
              "[  0.000s]   body: co_await TracedAwaiter(\"ready\", ...)",
              "[  0.000s]   ready: await_ready() -> true",
              "[  0.000s]   ready: await_resume() -> 1",
              "[  0.000s]   body: co_await TracedAwaiter(\"declines\", ...)",
              "[  0.000s]   declines: await_ready() -> false",
              "[  0.000s]   declines: await_suspend(handle) -> false: resume at once",
              "[  0.000s]   declines: await_resume() -> 2",
              "[  0.000s]   body: co_await TracedAwaiter(\"pending\", ...)",
              "[  0.000s]   pending: await_ready() -> false",
              "[  0.000s]   pending: await_suspend(handle) -> true: suspended, back to the caller",
              "[  0.000s] main: back in main, the body waits at co_await; an event loop would resume it later",
              "[  0.000s] main: coro.resume();",
              "[  0.000s]   pending: await_resume() -> 39",
              "[  0.000s]   body: co_return 1 + 2 + 39;",
              "[  0.000s]   return_value(42)",
              "[  0.000s]   body: ~Local(): the body's locals die before final_suspend",
              "[  0.000s]   final_suspend()",
              "[  0.000s]   final_suspend: await_ready() -> false",
              "[  0.000s]   final_suspend: await_suspend(handle) -> true: suspended, back to the caller",
              "[  0.000s] main: coro.done() -> true, coro.result() -> 42",
              "[  0.000s] main: coro goes out of scope",
              "[  0.000s]   ~TracedCoroutine(): handle.destroy()",
              "[  0.000s]   ~promise_type()",
              "[  0.000s]   operator delete(frame): the frame is freed",
          });
}

TEST_CASE("the anatomy section shows that a thrown exception goes to unhandled_exception, then final_suspend") {
    SectionFixture f;
    sections::anatomy(f.ctx);
    const Lines lines = f.log.lines();
    REQUIRE(lines.size() == 36 + 28);
    CHECK(Lines(lines.begin() + 36, lines.end()) ==
          Lines{
              "[  0.000s] main: auto coro = fails();",
              "[  0.000s]   operator new(frame size): the frame is allocated",
              "[  0.000s]   promise_type()",
              "[  0.000s]   get_return_object()",
              "[  0.000s]   initial_suspend()",
              "[  0.000s]   initial_suspend: await_ready() -> false",
              "[  0.000s]   initial_suspend: await_suspend(handle) -> true: suspended, back to the caller",
              "[  0.000s] main: coro.resume();",
              "[  0.000s]   initial_suspend: await_resume()",
              "[  0.000s]   body: started",
              "[  0.000s]   body: Local local;",
              "[  0.000s]   body: co_await TracedAwaiter(\"pending\", ...)",
              "[  0.000s]   pending: await_ready() -> false",
              "[  0.000s]   pending: await_suspend(handle) -> true: suspended, back to the caller",
              "[  0.000s] main: coro.resume();",
              "[  0.000s]   pending: await_resume()",
              "[  0.000s]   body: throw std::runtime_error(\"no answer\");",
              "[  0.000s]   body: ~Local(): the body's locals die before final_suspend",
              "[  0.000s]   unhandled_exception(): the exception is kept in the promise",
              "[  0.000s]   final_suspend()",
              "[  0.000s]   final_suspend: await_ready() -> false",
              "[  0.000s]   final_suspend: await_suspend(handle) -> true: suspended, back to the caller",
              "[  0.000s] main: coro.done() -> true; coro.result() rethrows:",
              "[  0.000s] main: caught std::runtime_error(\"no answer\")",
              "[  0.000s] main: coro goes out of scope",
              "[  0.000s]   ~TracedCoroutine(): handle.destroy()",
              "[  0.000s]   ~promise_type()",
              "[  0.000s]   operator delete(frame): the frame is freed",
          });
}

TEST_CASE("destroying a coroutine suspended mid-body destroys its locals, then the promise, then frees the frame") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    const traced::TraceTo trace_to(log);
    {
        const TracedCoroutine coro = waits_forever();
        coro.resume();
        CHECK_FALSE(coro.done());
        static_cast<void>(log.take_lines());
    }
    CHECK(log.lines() == Lines{
                             "[  0.000s]   ~TracedCoroutine(): handle.destroy()",
                             "[  0.000s]   body: ~Local()",
                             "[  0.000s]   ~promise_type()",
                             "[  0.000s]   operator delete(frame): the frame is freed",
                         });
}

TEST_CASE("a body without co_await still suspends at initial_suspend and at final_suspend") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    const traced::TraceTo trace_to(log);
    const TracedCoroutine coro = returns_at_once();
    CHECK_FALSE(coro.done());
    coro.resume();
    CHECK(coro.done());
    CHECK(coro.result() == 7);
    CHECK(log.take_lines() ==
          Lines{
              "[  0.000s]   operator new(frame size): the frame is allocated",
              "[  0.000s]   promise_type()",
              "[  0.000s]   get_return_object()",
              "[  0.000s]   initial_suspend()",
              "[  0.000s]   initial_suspend: await_ready() -> false",
              "[  0.000s]   initial_suspend: await_suspend(handle) -> true: suspended, back to the caller",
              "[  0.000s]   initial_suspend: await_resume()",
              "[  0.000s]   return_value(7)",
              "[  0.000s]   final_suspend()",
              "[  0.000s]   final_suspend: await_ready() -> false",
              "[  0.000s]   final_suspend: await_suspend(handle) -> true: suspended, back to the caller",
          });
    coro.resume();  // resuming a finished coroutine would be undefined behaviour: resume() refuses
    CHECK(log.lines().empty());
}

TEST_CASE("result() before the coroutine finished is a logic_error, not a guess") {
    const TracedCoroutine coro = returns_at_once();
    CHECK_THROWS_AS(static_cast<void>(coro.result()), std::logic_error);
}

TEST_CASE("without a TraceTo in scope, the trace goes nowhere") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    { const traced::TraceTo trace_to(log); }
    const TracedCoroutine coro = returns_at_once();
    coro.resume();
    CHECK(coro.result() == 7);
    CHECK(log.lines().empty());
}
