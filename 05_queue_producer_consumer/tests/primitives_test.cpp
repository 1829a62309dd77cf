// Lock, Event, Condition, Semaphore and BoundedSemaphore against asyncio's rules: FIFO fair,
// woken through the ready queue, and a cancellation never loses the lock, a permit or a notify.
#include "course_test.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/condition.hpp"
#include "aio/event.hpp"
#include "aio/lock.hpp"
#include "aio/semaphore.hpp"

namespace {

using Lines = std::vector<std::string>;

aio::Coroutine<void> hold(Lines& lines, aio::Lock& lock, std::string name, double seconds) {
    const aio::LockGuard guard = co_await lock.guard();
    lines.push_back(fmt::format("{} holds it at {}", name, aio::time()));
    co_await aio::sleep(seconds);
}

aio::Coroutine<void> three_holders(Lines& lines) {
    aio::Lock lock;
    co_await aio::gather(hold(lines, lock, "a", 1.0), hold(lines, lock, "b", 1.0), hold(lines, lock, "c", 1.0));
    lines.push_back(fmt::format("locked at the end: {}", lock.locked()));
}

aio::Coroutine<void> failing_holder(aio::Lock& lock) {
    const aio::LockGuard guard = co_await lock.guard();
    co_await aio::sleep(1.0);
    throw std::runtime_error("failed while holding the lock");
}

aio::Coroutine<void> guard_survives_exception(Lines& lines) {
    aio::Lock lock;
    try {
        co_await failing_holder(lock);
    } catch (const std::runtime_error& error) {
        lines.push_back(fmt::format("{}; locked: {}", error.what(), lock.locked()));
    }
}

aio::Coroutine<void> acquire_then_log(Lines& lines, aio::Lock& lock, std::string name) {
    co_await lock.acquire();
    lines.push_back(fmt::format("{} holds it at {}", name, aio::time()));
    lock.release();
}

// release() hands the lock to `a`, and `a` is cancelled in the same turn: `b` must get it.
aio::Coroutine<void> cancelled_after_its_turn(Lines& lines) {
    aio::Lock lock;
    co_await lock.acquire();
    aio::Task<void> a = aio::create_task(acquire_then_log(lines, lock, "a"));
    aio::Task<void> b = aio::create_task(acquire_then_log(lines, lock, "b"));
    co_await aio::sleep(1.0);
    lock.release();
    a.cancel();
    co_await b;
    lines.push_back(fmt::format("a cancelled: {}; locked: {}", a.cancelled(), lock.locked()));
}

aio::Coroutine<void> wait_event(Lines& lines, aio::Event& event, std::string name) {
    co_await event.wait();
    lines.push_back(fmt::format("{} goes at {}", name, aio::time()));
}

aio::Coroutine<void> start_signal(Lines& lines) {
    aio::Event event;
    std::vector<aio::Task<void>> runners;
    for (const char* name : {"a", "b", "c"}) runners.push_back(aio::create_task(wait_event(lines, event, name)));
    co_await aio::sleep(2.0);
    event.set();
    for (aio::Task<void>& runner : runners) co_await runner;
    event.clear();
    aio::Task<void> late = aio::create_task(wait_event(lines, event, "late"));
    co_await aio::sleep(1.0);
    lines.push_back(fmt::format("after clear(), late is still waiting: {}", !late.done()));
    event.set();
    co_await late;
}

struct Downloads {
    int running = 0;
    int most = 0;
    Lines lines;
};

aio::Coroutine<void> download(Downloads& downloads, aio::Semaphore& semaphore, int id) {
    co_await semaphore.acquire();
    ++downloads.running;
    downloads.most = std::max(downloads.most, downloads.running);
    downloads.lines.push_back(fmt::format("{} starts at {}", id, aio::time()));
    co_await aio::sleep(1.0);
    --downloads.running;
    semaphore.release();
}

aio::Coroutine<void> five_downloads_two_at_a_time(Downloads& downloads) {
    aio::Semaphore semaphore(2);
    std::vector<aio::Coroutine<void>> all;
    for (int id = 0; id < 5; ++id) all.push_back(download(downloads, semaphore, id));
    co_await aio::gather(std::move(all));
    downloads.lines.push_back(fmt::format("value at the end: {}", semaphore.value()));
}

aio::Coroutine<void> acquire_permit(Lines& lines, aio::Semaphore& semaphore, std::string name) {
    co_await semaphore.acquire();
    lines.push_back(fmt::format("{} has a permit at {}", name, aio::time()));
}

aio::Coroutine<void> cancelled_permit(Lines& lines) {
    aio::Semaphore semaphore(0);
    aio::Task<void> a = aio::create_task(acquire_permit(lines, semaphore, "a"));
    aio::Task<void> b = aio::create_task(acquire_permit(lines, semaphore, "b"));
    co_await aio::sleep(1.0);
    semaphore.release();  // a's turn...
    a.cancel();           // ...but a is cancelled in the same turn
    co_await b;
    lines.push_back(fmt::format("a cancelled: {}; value {}", a.cancelled(), semaphore.value()));
}

aio::Coroutine<void> wait_condition(Lines& lines, aio::Condition& condition, std::string name) {
    const aio::LockGuard guard = co_await condition.guard();
    co_await condition.wait();
    lines.push_back(fmt::format("{} notified at {}, holding the lock: {}", name, aio::time(), condition.locked()));
}

aio::Coroutine<void> notify_one_then_all(Lines& lines) {
    aio::Condition condition;
    std::vector<aio::Task<void>> waiters;
    for (const char* name : {"a", "b", "c"})
        waiters.push_back(aio::create_task(wait_condition(lines, condition, name)));
    co_await aio::sleep(1.0);
    {
        const aio::LockGuard guard = co_await condition.guard();
        condition.notify();
    }
    co_await aio::sleep(1.0);
    {
        const aio::LockGuard guard = co_await condition.guard();
        condition.notify_all();
    }
    for (aio::Task<void>& waiter : waiters) co_await waiter;
}

aio::Coroutine<void> cancelled_wait(Lines& lines, aio::Condition& condition) {
    const aio::LockGuard guard = co_await condition.guard();
    try {
        co_await condition.wait();
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("cancelled at {}, holding the lock: {}", aio::time(), condition.locked()));
        throw;
    }
}

aio::Coroutine<void> cancel_a_condition_wait(Lines& lines) {
    aio::Condition condition;
    aio::Task<void> waiter = aio::create_task(cancelled_wait(lines, condition));
    co_await aio::sleep(1.0);
    co_await condition.acquire();  // the waiter needs the lock back before its error can leave
    waiter.cancel();
    co_await aio::sleep(1.0);
    lines.push_back(fmt::format("still waiting for the lock at {}: {}", aio::time(), !waiter.done()));
    condition.release();
    try {
        co_await waiter;
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("waiter cancelled: {}; locked: {}", waiter.cancelled(), condition.locked()));
    }
}

aio::Coroutine<bool> wait_for_count(aio::Condition& condition, const int& count) {
    const aio::LockGuard guard = co_await condition.guard();
    const bool reached = co_await condition.wait_for([&count] { return count >= 3; });
    co_return reached&& count == 3;
}

aio::Coroutine<void> count_to_three(aio::Condition& condition, int& count) {
    for (int i = 0; i < 3; ++i) {
        co_await aio::sleep(1.0);
        const aio::LockGuard guard = co_await condition.guard();
        ++count;
        condition.notify_all();
    }
}

aio::Coroutine<bool> wait_for_predicate() {
    aio::Condition condition;
    int count = 0;
    const auto [reached, done] =
        co_await aio::gather(wait_for_count(condition, count), count_to_three(condition, count));
    co_return reached;
}

// notify() wakes `a`, and `a` is cancelled in the same turn: the notification must reach `b`.
aio::Coroutine<void> notified_then_cancelled(Lines& lines) {
    aio::Condition condition;
    aio::Task<void> a = aio::create_task(wait_condition(lines, condition, "a"));
    aio::Task<void> b = aio::create_task(wait_condition(lines, condition, "b"));
    co_await aio::sleep(1.0);
    {
        const aio::LockGuard guard = co_await condition.guard();
        condition.notify();
        a.cancel();
    }
    co_await b;
    lines.push_back(fmt::format("a cancelled: {}", a.cancelled()));
}

}  // namespace

TEST_CASE("a Condition waiter cancelled in the turn it was notified passes the notification on") {
    Lines lines;
    aio::run(notified_then_cancelled(lines), {.virtual_time = true});
    CHECK(lines == Lines{"b notified at 1, holding the lock: true", "a cancelled: true"});
}

TEST_CASE("Lock: one holder at a time, in arrival order, and guard() releases when the holder leaves") {
    Lines lines;
    aio::run(three_holders(lines), {.virtual_time = true});
    CHECK(lines == Lines{"a holds it at 0", "b holds it at 1", "c holds it at 2", "locked at the end: false"});
}

TEST_CASE("a LockGuard releases the lock when an exception leaves the critical section") {
    Lines lines;
    aio::run(guard_survives_exception(lines), {.virtual_time = true});
    CHECK(lines == Lines{"failed while holding the lock; locked: false"});
}

TEST_CASE("Lock::release() of a lock nobody holds throws (asyncio: RuntimeError)") {
    aio::Lock lock;
    CHECK_THROWS_AS(lock.release(), std::logic_error);
}

TEST_CASE("a task cancelled in the turn the lock was handed to it passes the lock on") {
    Lines lines;
    aio::run(cancelled_after_its_turn(lines), {.virtual_time = true});
    CHECK(lines == Lines{"b holds it at 1", "a cancelled: true; locked: false"});
}

TEST_CASE("Event: set() starts every waiter at once, and after clear(), wait() waits again") {
    Lines lines;
    aio::run(start_signal(lines), {.virtual_time = true});
    CHECK(lines == Lines{"a goes at 2", "b goes at 2", "c goes at 2", "after clear(), late is still waiting: true",
                         "late goes at 3"});
}

TEST_CASE("Semaphore(2): at most two holders at a time, the others wait in arrival order") {
    Downloads downloads;
    aio::run(five_downloads_two_at_a_time(downloads), {.virtual_time = true});
    CHECK(downloads.most == 2);
    CHECK(downloads.lines == Lines{"0 starts at 0", "1 starts at 0", "2 starts at 1", "3 starts at 1", "4 starts at 2",
                                   "value at the end: 2"});
}

TEST_CASE("a task cancelled in the turn a permit was handed to it passes the permit on") {
    Lines lines;
    aio::run(cancelled_permit(lines), {.virtual_time = true});
    CHECK(lines == Lines{"b has a permit at 1", "a cancelled: true; value 0"});
}

TEST_CASE("BoundedSemaphore: a release() beyond the initial value throws, and a Semaphore's just counts") {
    aio::BoundedSemaphore bounded(1);
    CHECK_THROWS_WITH_AS(bounded.release(), "BoundedSemaphore released too many times (asyncio: ValueError)",
                         std::logic_error);
    aio::Semaphore plain(1);
    plain.release();
    CHECK(plain.value() == 2);
    CHECK_THROWS_AS(aio::Semaphore(-1), std::invalid_argument);
}

TEST_CASE("Condition: notify() wakes the longest waiter, notify_all() the rest, and each returns holding the lock") {
    Lines lines;
    aio::run(notify_one_then_all(lines), {.virtual_time = true});
    CHECK(lines == Lines{"a notified at 1, holding the lock: true", "b notified at 2, holding the lock: true",
                         "c notified at 2, holding the lock: true"});
}

TEST_CASE("a cancelled Condition::wait() takes the lock back before CancelledError leaves it") {
    Lines lines;
    aio::run(cancel_a_condition_wait(lines), {.virtual_time = true});
    CHECK(lines == Lines{"still waiting for the lock at 2: true", "cancelled at 2, holding the lock: true",
                         "waiter cancelled: true; locked: false"});
}

TEST_CASE("Condition::wait_for(predicate) returns once the predicate holds") {
    CHECK(aio::run(wait_for_predicate(), {.virtual_time = true}));
}

TEST_CASE("wait() and notify() on a condition whose lock is not held throw (asyncio: RuntimeError)") {
    aio::Condition condition;
    CHECK_THROWS_AS(condition.notify(), std::logic_error);
    CHECK_THROWS_AS(aio::run(condition.wait(), {.virtual_time = true}), std::logic_error);
}

namespace {

aio::Coroutine<void> release_a_guarded_lock(Lines& lines, aio::Lock& lock) {
    const aio::LockGuard guard = co_await lock.guard();
    try {
        lock.release();  // the guard holds it: refused, and catchable
    } catch (const std::logic_error& error) {
        lines.push_back(error.what());
    }
    lines.push_back(fmt::format("still locked: {}", lock.locked()));
}

aio::Coroutine<void> guard_then_wait(Lines& lines, aio::Lock& lock) {
    co_await aio::sleep(0.5);
    const aio::LockGuard guard = co_await lock.guard();
    lines.push_back(fmt::format("the waiter holds it at {}", aio::time()));
}

aio::Coroutine<void> release_guarded_with_a_waiter(Lines& lines) {
    aio::Lock lock;
    aio::Task<void> waiter = aio::create_task(guard_then_wait(lines, lock));
    {
        aio::LockGuard guard = co_await lock.guard();
        co_await aio::sleep(1.0);
        CHECK_THROWS_AS(lock.release(), std::logic_error);
        guard.release();  // early, by the guard: the waiter gets it
        lines.push_back(fmt::format("released early at {}; locked: {}", aio::time(), lock.locked()));
    }  // the guard's destructor does nothing more: the waiter keeps the lock
    lines.push_back(fmt::format("after the scope, locked: {}", lock.locked()));
    co_await waiter;
    lines.push_back(fmt::format("at the end, locked: {}", lock.locked()));
}

aio::Coroutine<void> hold_permit(Lines& lines, aio::Semaphore& semaphore, std::string name, double seconds) {
    const aio::SemaphoreGuard permit = co_await semaphore.guard();
    lines.push_back(fmt::format("{} has a permit at {}", name, aio::time()));
    co_await aio::sleep(seconds);
}

aio::Coroutine<void> cancel_a_permit_holder(Lines& lines) {
    aio::Semaphore semaphore(1);
    aio::Task<void> slow = aio::create_task(hold_permit(lines, semaphore, "slow", 100.0));
    aio::Task<void> next = aio::create_task(hold_permit(lines, semaphore, "next", 1.0));
    co_await aio::sleep(1.0);
    slow.cancel();  // during its sleep: the guard gives the permit back, to `next`
    co_await next;
    lines.push_back(fmt::format("slow cancelled: {}; value {}", slow.cancelled(), semaphore.value()));
}

aio::Coroutine<void> bounded_guard_then_release(Lines& lines) {
    aio::BoundedSemaphore semaphore(1);
    {
        const aio::SemaphoreGuard permit = co_await semaphore.guard();
        try {
            semaphore.release();  // the guard's permit: giving it back twice would be one too many
        } catch (const std::logic_error& error) {
            lines.push_back(error.what());
        }
    }
    lines.push_back(fmt::format("value {}", semaphore.value()));
}

}  // namespace

TEST_CASE("Semaphore(INT_MAX).release() throws std::overflow_error and the counter stays INT_MAX") {
    aio::Semaphore semaphore(std::numeric_limits<int>::max());
    CHECK_THROWS_WITH_AS(semaphore.release(), "Semaphore::release() would take the counter past INT_MAX (2147483647)",
                         std::overflow_error);
    CHECK(semaphore.value() == std::numeric_limits<int>::max());
}

TEST_CASE("lock.release() while a LockGuard holds the lock throws a catchable error, and the guard releases once") {
    Lines lines;
    aio::Lock lock;
    aio::run(release_a_guarded_lock(lines, lock), {.virtual_time = true});
    CHECK(lines ==
          Lines{"Lock::release() of a lock that a LockGuard holds: the guard releases it (asyncio: RuntimeError)",
                "still locked: true"});
    CHECK_FALSE(lock.locked());
}

TEST_CASE("LockGuard::release() hands the lock on early, and the guard's end then leaves the next holder alone") {
    Lines lines;
    aio::run(release_guarded_with_a_waiter(lines), {.virtual_time = true});
    CHECK(lines == Lines{"released early at 1; locked: true", "after the scope, locked: true",
                         "the waiter holds it at 1", "at the end, locked: false"});
}

TEST_CASE("a SemaphoreGuard gives its permit back when its task is cancelled: the next task gets it") {
    Lines lines;
    aio::run(cancel_a_permit_holder(lines), {.virtual_time = true});
    CHECK(lines == Lines{"slow has a permit at 0", "next has a permit at 1", "slow cancelled: true; value 1"});
}

TEST_CASE("BoundedSemaphore: releasing by hand the permit a guard holds throws, and the guard still gives it back") {
    Lines lines;
    aio::run(bounded_guard_then_release(lines), {.virtual_time = true});
    CHECK(lines == Lines{"BoundedSemaphore released too many times (asyncio: ValueError)", "value 1"});
}
