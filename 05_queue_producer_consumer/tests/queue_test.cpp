// aio::Queue against asyncio.Queue's rules: FIFO waiters woken through the ready queue, no item
// lost to a cancellation, task_done/join, shutdown, the other orders, move-only items.
#include "course_test.hpp"

#include <memory>
#include <thread>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/queue.hpp"

namespace {

using Lines = std::vector<std::string>;

aio::Coroutine<void> getter(Lines& lines, aio::Queue<int>& queue, std::string name) {
    lines.push_back(fmt::format("{} waits at {}", name, aio::time()));
    const int item = co_await queue.get();
    lines.push_back(
        fmt::format("{} got {} at {} (turn {})", name, item, aio::time(), aio::get_running_loop().iterations()));
}

aio::Coroutine<void> putter(Lines& lines, aio::Queue<int>& queue, std::string name, int item) {
    co_await queue.put(item);
    lines.push_back(fmt::format("{} put {} at {} (qsize {})", name, item, aio::time(), queue.qsize()));
}

aio::Coroutine<void> put_later(Lines& lines, aio::Queue<int>& queue, double delay, int item) {
    co_await aio::sleep(delay);
    queue.put_nowait(item);
    lines.push_back(fmt::format("put {} at {} (turn {})", item, aio::time(), aio::get_running_loop().iterations()));
}

aio::Coroutine<void> getters_in_line(Lines& lines) {
    aio::Queue<int> queue;
    co_await aio::gather(getter(lines, queue, "a"), getter(lines, queue, "b"), put_later(lines, queue, 1.0, 10),
                         put_later(lines, queue, 2.0, 20));
}

aio::Coroutine<void> putters_in_line(Lines& lines) {
    aio::Queue<int> queue(1);
    queue.put_nowait(0);
    aio::Task<void> first = aio::create_task(putter(lines, queue, "first", 1));
    aio::Task<void> second = aio::create_task(putter(lines, queue, "second", 2));
    co_await aio::sleep(1.0);
    lines.push_back(fmt::format("got {}", queue.get_nowait()));
    co_await aio::sleep(1.0);
    lines.push_back(fmt::format("got {}", queue.get_nowait()));
    co_await first;
    co_await second;
    const int last = queue.get_nowait();
    lines.push_back(fmt::format("got {}, qsize {}", last, queue.qsize()));
}

// Python's get(): an item arrives and wakes `a`, but the thief takes it first (get() does not
// wait when the queue holds one); `a` finds the queue empty and waits again, now behind `b`.
aio::Coroutine<void> thief(Lines& lines, aio::Queue<int>& queue) {
    co_await aio::sleep(1.0);
    queue.put_nowait(1);  // wakes a
    const int item = co_await queue.get();
    lines.push_back(fmt::format("thief got {} at {}", item, aio::time()));
}

aio::Coroutine<void> stolen_item(Lines& lines) {
    aio::Queue<int> queue;
    co_await aio::gather(getter(lines, queue, "a"), getter(lines, queue, "b"), thief(lines, queue),
                         put_later(lines, queue, 2.0, 2), put_later(lines, queue, 3.0, 3));
}

// The race asyncio's get() guards against: in one turn an item arrives for `a` and `a` is
// cancelled. The item must go to `b`, not vanish with `a`'s wake-up.
aio::Coroutine<void> cancel_and_wake_same_turn(Lines& lines, bool cancel_first) {
    aio::Queue<int> queue;
    aio::Task<void> a = aio::create_task(getter(lines, queue, "a"));
    aio::Task<void> b = aio::create_task(getter(lines, queue, "b"));
    co_await aio::sleep(1.0);
    if (cancel_first) a.cancel();
    queue.put_nowait(7);
    if (!cancel_first) a.cancel();
    try {
        co_await a;
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("a cancelled: {}", a.cancelled()));
    }
    co_await b;
    lines.push_back(fmt::format("qsize {}, getters waiting {}", queue.qsize(), queue.waiting_getters()));
}

aio::Coroutine<void> cancelled_put(Lines& lines) {
    aio::Queue<int> queue(1);
    queue.put_nowait(0);
    aio::Task<void> first = aio::create_task(putter(lines, queue, "first", 1));
    aio::Task<void> second = aio::create_task(putter(lines, queue, "second", 2));
    co_await aio::sleep(1.0);
    lines.push_back(fmt::format("got {}", queue.get_nowait()));  // wakes first...
    first.cancel();                                              // ...which is cancelled
    co_await second;
    const int item = queue.get_nowait();
    lines.push_back(fmt::format("first cancelled: {}; got {}; qsize {}", first.cancelled(), item, queue.qsize()));
}

aio::Coroutine<void> worker(Lines& lines, aio::Queue<int>& queue, std::string name) {
    for (;;) {
        const int item = co_await queue.get();
        co_await aio::sleep(item);
        lines.push_back(fmt::format("{} done with {} at {}", name, item, aio::time()));
        queue.task_done();
    }
}

aio::Coroutine<void> join_waits_for_task_done(Lines& lines) {
    aio::Queue<int> queue;
    co_await queue.join();  // nothing put: returns at once
    for (const int item : {3, 1, 2}) queue.put_nowait(item);
    aio::Task<void> one = aio::create_task(worker(lines, queue, "one"));
    aio::Task<void> two = aio::create_task(worker(lines, queue, "two"));
    co_await queue.join();
    lines.push_back(fmt::format("join returned at {}, unfinished {}", aio::time(), queue.unfinished_tasks()));
    one.cancel();
    two.cancel();
}

aio::Coroutine<void> get_or_shutdown(Lines& lines, aio::Queue<int>& queue, std::string name) {
    try {
        for (;;) {
            const int item = co_await queue.get();
            lines.push_back(fmt::format("{} got {}", name, item));
        }
    } catch (const aio::QueueShutDown&) {
        lines.push_back(fmt::format("{}: QueueShutDown at {}", name, aio::time()));
    }
}

aio::Coroutine<void> put_or_shutdown(Lines& lines, aio::Queue<int>& queue, int item) {
    try {
        co_await queue.put(item);
        lines.push_back(fmt::format("put {}", item));
    } catch (const aio::QueueShutDown&) {
        lines.push_back(fmt::format("put {}: QueueShutDown at {}", item, aio::time()));
    }
}

aio::Coroutine<void> shut_down_later(aio::Queue<int>& queue, bool immediate) {
    co_await aio::sleep(1.0);
    queue.shutdown(immediate);
}

aio::Coroutine<void> shutdown_ends_the_waits(Lines& lines) {
    aio::Queue<int> queue;
    co_await aio::gather(get_or_shutdown(lines, queue, "a"), get_or_shutdown(lines, queue, "b"),
                         shut_down_later(queue, false));
    aio::Queue<int> full(1);
    full.put_nowait(1);
    co_await aio::gather(put_or_shutdown(lines, full, 2), shut_down_later(full, false));
    lines.push_back(fmt::format("left in the full queue: {}", full.get_nowait()));
    CHECK_THROWS_AS(full.get_nowait(), aio::QueueShutDown);
}

aio::Coroutine<void> shutdown_immediate(Lines& lines) {
    aio::Queue<int> queue;
    for (const int item : {1, 2, 3}) queue.put_nowait(item);
    co_await aio::gather(shut_down_later(queue, true));
    co_await queue.join();  // the dropped items count as done
    lines.push_back(fmt::format("qsize {}, unfinished {}", queue.qsize(), queue.unfinished_tasks()));
}

template <class Q>
std::vector<int> drain(Q& queue) {
    std::vector<int> items;
    while (!queue.empty()) items.push_back(queue.get_nowait());
    return items;
}

aio::Coroutine<int> pass_unique(int value) {
    aio::Queue<std::unique_ptr<int>> queue(1);
    co_await queue.put(std::make_unique<int>(value));
    const std::unique_ptr<int> got = co_await queue.get();
    co_return *got;
}

aio::Coroutine<int> get_one(aio::Queue<int>& queue) {
    const int item = co_await queue.get();
    co_return item;
}

aio::Coroutine<int> cancel_many_getters(int count) {
    aio::Queue<int> queue;
    std::vector<aio::Task<int>> getters;
    getters.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) getters.push_back(aio::create_task(get_one(queue)));
    co_await aio::sleep(1.0);
    for (aio::Task<int>& task : getters) task.cancel();
    co_await aio::sleep(0);
    co_await aio::sleep(0);
    co_return static_cast<int>(queue.waiting_getters());
}

}  // namespace

TEST_CASE("put_nowait and get_nowait: first in first out, QueueEmpty when empty, QueueFull when full") {
    aio::Queue<int> queue(2);
    CHECK(queue.maxsize() == 2);
    CHECK(queue.empty());
    CHECK_THROWS_AS(queue.get_nowait(), aio::QueueEmpty);
    queue.put_nowait(1);
    queue.put_nowait(2);
    CHECK(queue.full());
    CHECK(queue.qsize() == 2);
    CHECK_THROWS_AS(queue.put_nowait(3), aio::QueueFull);
    CHECK(queue.get_nowait() == 1);
    CHECK(queue.get_nowait() == 2);
    CHECK(queue.empty());
    const aio::Queue<int> unbounded(-5);
    CHECK_FALSE(unbounded.full());
}

TEST_CASE("get() waits while the queue is empty, and getters are served in arrival order, at the next turn") {
    Lines lines;
    aio::run(getters_in_line(lines), {.virtual_time = true});
    CHECK(lines == Lines{"a waits at 0", "b waits at 0", "put 10 at 1 (turn 2)", "a got 10 at 1 (turn 3)",
                         "put 20 at 2 (turn 5)", "b got 20 at 2 (turn 6)"});
}

TEST_CASE("put() waits while the queue is full, and putters are served in arrival order") {
    Lines lines;
    aio::run(putters_in_line(lines), {.virtual_time = true});
    CHECK(lines ==
          Lines{"got 0", "first put 1 at 1 (qsize 1)", "got 1", "second put 2 at 2 (qsize 1)", "got 2, qsize 0"});
}

TEST_CASE("a woken getter whose item was taken first waits again, at the end of the line (as asyncio)") {
    Lines lines;
    aio::run(stolen_item(lines), {.virtual_time = true});
    CHECK(lines == Lines{"a waits at 0", "b waits at 0", "thief got 1 at 1", "put 2 at 2 (turn 4)",
                         "b got 2 at 2 (turn 5)", "put 3 at 3 (turn 6)", "a got 3 at 3 (turn 7)"});
}

TEST_CASE("a cancelled get() loses no item: the cancel and the wake-up in the same turn, either order") {
    for (const bool cancel_first : {true, false}) {
        CAPTURE(cancel_first);
        Lines lines;
        aio::run(cancel_and_wake_same_turn(lines, cancel_first), {.virtual_time = true});
        // Cancelled first, `a` is skipped and the item goes straight to `b`; woken first, `a`
        // passes the wake-up on when its CancelledError comes out, one turn later.
        const std::string b_got = cancel_first ? "b got 7 at 1 (turn 3)" : "b got 7 at 1 (turn 4)";
        CHECK(lines == Lines{"a waits at 0", "b waits at 0", b_got, "a cancelled: true", "qsize 0, getters waiting 0"});
    }
}

TEST_CASE("a cancelled put() puts nothing and hands its free slot to the next putter") {
    Lines lines;
    aio::run(cancelled_put(lines), {.virtual_time = true});
    CHECK(lines == Lines{"got 0", "second put 2 at 1 (qsize 1)", "first cancelled: true; got 2; qsize 0"});
}

TEST_CASE("join() returns when task_done() has been called once per item put, not before") {
    Lines lines;
    aio::run(join_waits_for_task_done(lines), {.virtual_time = true});
    CHECK(lines == Lines{"two done with 1 at 1", "one done with 3 at 3", "two done with 2 at 3",
                         "join returned at 3, unfinished 0"});
}

TEST_CASE("task_done() called more often than items were put throws (asyncio: ValueError)") {
    aio::Queue<int> queue;
    queue.put_nowait(1);
    CHECK(queue.get_nowait() == 1);
    queue.task_done();
    CHECK_THROWS_WITH_AS(queue.task_done(), "Queue::task_done() called too many times (asyncio: ValueError)",
                         std::logic_error);
}

TEST_CASE("shutdown(): waiting getters and putters get QueueShutDown, and items left can still be got") {
    Lines lines;
    aio::run(shutdown_ends_the_waits(lines), {.virtual_time = true});
    CHECK(lines == Lines{"a: QueueShutDown at 1", "b: QueueShutDown at 1", "put 2: QueueShutDown at 2",
                         "left in the full queue: 1"});
}

TEST_CASE("shutdown(immediate): the items left are dropped and count as done, so join() returns") {
    Lines lines;
    aio::run(shutdown_immediate(lines), {.virtual_time = true});
    CHECK(lines == Lines{"qsize 0, unfinished 0"});
}

TEST_CASE("LifoQueue hands out the last item first, PriorityQueue the smallest") {
    aio::LifoQueue<int> lifo;
    aio::PriorityQueue<int> priority;
    aio::PriorityQueue<int, std::greater<int>> largest_first;
    for (const int item : {3, 1, 4, 1, 5, 9, 2, 6}) {
        lifo.put_nowait(item);
        priority.put_nowait(item);
        largest_first.put_nowait(item);
    }
    CHECK(drain(lifo) == std::vector<int>{6, 2, 9, 5, 1, 4, 1, 3});
    CHECK(drain(priority) == std::vector<int>{1, 1, 2, 3, 4, 5, 6, 9});
    CHECK(drain(largest_first) == std::vector<int>{9, 6, 5, 4, 3, 2, 1, 1});
}

TEST_CASE("move-only items go through every queue") {
    CHECK(aio::run(pass_unique(42), {.virtual_time = true}) == 42);
    aio::LifoQueue<std::unique_ptr<int>> lifo;
    aio::PriorityQueue<std::unique_ptr<int>> priority;  // by address: enough to compile and run
    lifo.put_nowait(std::make_unique<int>(1));
    priority.put_nowait(std::make_unique<int>(2));
    CHECK(*lifo.get_nowait() == 1);
    CHECK(*priority.get_nowait() == 2);
}

TEST_CASE("a hundred thousand getters cancelled at once leave no waiter behind") {
    CHECK(aio::run(cancel_many_getters(100'000), {.virtual_time = true}) == 0);
}

namespace {

aio::Coroutine<void> get_into(aio::Queue<int>& queue, std::vector<int>& got, std::size_t index) {
    got[index] = co_await queue.get();
}

aio::Coroutine<bool> many_getters_in_order(int count) {
    aio::Queue<int> queue;
    std::vector<int> got(static_cast<std::size_t>(count), -1);
    std::vector<aio::Task<void>> getters;
    for (int i = 0; i < count; ++i) {
        getters.push_back(aio::create_task(get_into(queue, got, static_cast<std::size_t>(i))));
    }
    co_await aio::sleep(1.0);
    for (int i = 0; i < count; ++i) queue.put_nowait(i);
    for (aio::Task<void>& getter : getters) co_await getter;
    for (int i = 0; i < count; ++i) {
        if (got[static_cast<std::size_t>(i)] != i) co_return false;
    }
    co_return queue.empty() && queue.waiting_getters() == 0;
}

aio::Coroutine<void> cancel_twice(Lines& lines) {
    aio::Queue<int> queue;
    aio::Task<void> a = aio::create_task(getter(lines, queue, "a"));
    co_await aio::sleep(1.0);
    lines.push_back(fmt::format("first cancel: {}, second cancel: {}", a.cancel(), a.cancel()));
    try {
        co_await a;
    } catch (const aio::CancelledError&) {
        lines.push_back(
            fmt::format("a cancelled once: {}; getters waiting {}", a.cancelled(), queue.waiting_getters()));
    }
    queue.put_nowait(1);
    lines.push_back(fmt::format("the item stays: qsize {}", queue.qsize()));
}

// Counts live frames: its destructor runs however the frame ends, destroyed by the loop too.
class Alive {
public:
    explicit Alive(int& count) : count_(count) { ++count_; }
    Alive(const Alive&) = delete;
    Alive& operator=(const Alive&) = delete;
    ~Alive() { --count_; }

private:
    int& count_;
};

aio::Coroutine<void> wait_on(aio::Queue<int>& queue, int& frames) {
    const Alive alive(frames);
    co_await queue.get();
}

aio::Coroutine<void> one_second() { co_await aio::sleep(1.0); }

aio::Coroutine<void> sum_into(aio::Queue<int>& queue, int count, int& total) {
    for (int i = 0; i < count; ++i) total += co_await queue.get();
}

}  // namespace

TEST_CASE("a hundred thousand getters are served first come, first served") {
    CHECK(aio::run(many_getters_in_order(100'000), {.virtual_time = true}));
}

TEST_CASE("cancelling a waiting get() twice delivers one CancelledError and takes no item") {
    Lines lines;
    aio::run(cancel_twice(lines), {.virtual_time = true});
    CHECK(lines == Lines{"a waits at 0", "first cancel: true, second cancel: true",
                         "a cancelled once: true; getters waiting 0", "the item stays: qsize 1"});
}

TEST_CASE("a loop destroyed while tasks wait in get() frees their frames, and the queue outlives it, unharmed") {
    aio::Queue<int> queue;
    int frames = 0;
    {
        aio::EventLoop loop({.virtual_time = true});
        for (int i = 0; i < 3; ++i) loop.create_task(wait_on(queue, frames));
        loop.run_until_complete(one_second());
        CHECK(frames == 3);
        CHECK(queue.waiting_getters() == 3);
    }
    CHECK(frames == 0);
    CHECK(queue.waiting_getters() == 0);
    queue.put_nowait(1);  // nobody to wake, and no dangling place in the line
    CHECK(queue.qsize() == 1);
}

namespace {

aio::Coroutine<int> ping_pong(int rounds) {
    aio::Queue<int> queue(1);
    int total = 0;
    aio::Task<void> consumer = aio::create_task(sum_into(queue, rounds, total));
    for (int i = 1; i <= rounds; ++i) co_await queue.put(i);  // waits every time: maxsize 1
    co_await consumer;
    co_return total;
}

}  // namespace

TEST_CASE("a loop on another thread waits in put() and get(), and its recycled frames go when the thread ends") {
    int total = 0;
    std::thread thread([&total] { total = aio::run(ping_pong(1000), {.virtual_time = true}); });
    thread.join();
    CHECK(total == 500'500);  // and LeakSanitizer finds no frame left behind
}
