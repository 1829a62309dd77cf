// What a loop or a task leaves behind when it ends early: nothing. Deep structures are destroyed
// without recursion, early-ended waits free their frames at once, and aio::run always returns.
#include "course_test.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "aio/aio.hpp"

namespace {

// Counts live frames: a local of every coroutine below.
struct Frames {
    int live = 0;
    int ever = 0;
};

class Alive {
public:
    explicit Alive(Frames& frames) : frames_(frames) {
        ++frames_.live;
        ++frames_.ever;
    }
    Alive(const Alive&) = delete;
    Alive& operator=(const Alive&) = delete;
    ~Alive() { --frames_.live; }

private:
    Frames& frames_;
};

aio::Coroutine<int> nested(Frames& frames, int depth) {
    const Alive alive(frames);
    if (depth == 0) {
        co_await aio::sleep(3600.0);
        co_return 0;
    }
    const int below = co_await nested(frames, depth - 1);
    co_return below + 1;
}

}  // namespace

TEST_CASE("a loop destroyed under a 100'000-deep chain of awaits destroys it without recursion") {
    Frames frames;
    {
        aio::EventLoop loop({.virtual_time = true});
        aio::Task<int> task = loop.create_task(nested(frames, 100'000));
        loop.call_later(1.0, [&loop] { loop.stop(); });
        loop.run_forever();
        CHECK(frames.live == 100'001);
    }
    CHECK(frames.live == 0);
}

namespace {

aio::Coroutine<int> stage(Frames& frames, aio::Task<int> previous) {
    const Alive alive(frames);
    int value = 0;
    if (previous.valid()) value = co_await previous;
    co_return value + 1;
}

aio::Coroutine<aio::Task<int>> build_pipeline(Frames& frames, int length) {
    aio::Task<int> last;
    for (int k = 0; k < length; ++k) last = aio::create_task(stage(frames, last));
    co_await last;
    co_return last;
}

}  // namespace

TEST_CASE("dropping the last handle of a 100'000-task pipeline frees every frame without recursion") {
    Frames frames;
    std::optional<aio::Task<int>> last;
    last = aio::run(build_pipeline(frames, 100'000), {.virtual_time = true});
    CHECK(last->result() == 100'000);
    CHECK(frames.ever == 100'000);
    last.reset();  // each finished frame holds the previous task: the whole chain goes now
    CHECK(frames.live == 0);
}

namespace {

aio::Coroutine<void> long_sleep(Frames& frames) {
    const Alive alive(frames);
    co_await aio::sleep(3600.0);
}

}  // namespace

TEST_CASE("a cancelled sleep(3600) frees its frame at once, not at its old deadline") {
    Frames frames;
    aio::EventLoop loop({.virtual_time = true});
    {
        aio::Task<void> task = loop.create_task(long_sleep(frames));
        loop.call_soon([task]() mutable { task.cancel(); });
        loop.call_later(1.0, [&loop] { loop.stop(); });
        loop.run_forever();
        CHECK(task.cancelled());
    }
    CHECK(frames.live == 0);
    CHECK(loop.pending_timers() == 0);
    CHECK(loop.time() == 1.0);
}

namespace {

aio::Coroutine<int> quick(int value) {
    co_await aio::sleep(0.0);
    co_return value;
}

aio::Coroutine<long> many_waits_in_time(int count) {
    long total = 0;
    for (int k = 0; k < count; ++k) total += co_await aio::wait_for(quick(k % 3), 3600.0);
    co_return total;
}

}  // namespace

TEST_CASE("a million wait_for(x, 3600) that finish in time leave no timer behind") {
    aio::EventLoop loop({.virtual_time = true});
    CHECK(loop.run_until_complete(many_waits_in_time(1'000'000)) == 999'999);
    CHECK(loop.pending_timers() == 0);
    CHECK(loop.time() == 0.0);
}

namespace {

aio::Coroutine<void> spawns_when_cancelled(Frames& frames) {
    const Alive alive(frames);
    try {
        co_await aio::sleep(10.0);
    } catch (const aio::CancelledError&) {
        aio::create_task(long_sleep(frames));  // new long work, created during shutdown
        throw;
    }
}

aio::Coroutine<int> main_leaves_a_spawner(Frames& frames, std::vector<std::string>& reports) {
    aio::get_running_loop().set_exception_handler(
        [&reports](const aio::ErrorContext& context) { reports.push_back(context.describe()); });
    aio::create_task(spawns_when_cancelled(frames));
    co_await aio::sleep(1.0);
    co_return 7;
}

}  // namespace

TEST_CASE("aio::run returns when a cancelled task spawns new work: what exists is cancelled, the rest reported") {
    Frames frames;
    std::vector<std::string> reports;
    const int result = aio::run(main_leaves_a_spawner(frames, reports), {.virtual_time = true});
    CHECK(result == 7);
    CHECK(frames.live == 0);
    CHECK(frames.ever == 1);  // the new task never had a turn: run returned once the old ones were done
    CHECK(reports == std::vector<std::string>{"Task was destroyed but it is pending"});
}
