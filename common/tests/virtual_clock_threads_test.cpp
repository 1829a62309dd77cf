// Several threads on one virtual clock: what 06's threaded restaurant relies on. Runs under TSan.
#include "course_test.hpp"

#include <atomic>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "common/clock.hpp"
#include "common/clock_thread.hpp"

namespace {
struct Journal {
    std::mutex mutex;
    std::vector<std::string> lines;
    void add(const common::Clock& clock, const std::string& what) {
        const std::lock_guard guard(mutex);
        lines.push_back(fmt::format("{:.1f} {}", clock.now(), what));
    }
};
}  // namespace

namespace {
// Three threads sleep 1 s, 1.5 s and 2 s, twice each, and say when they woke.
std::vector<std::string> three_sleepers(common::VirtualClock& clock) {
    Journal journal;
    std::vector<std::function<void()>> bodies;
    for (int i = 0; i < 3; ++i) {
        bodies.emplace_back([&clock, &journal, i] {
            for (int step = 0; step < 2; ++step) {
                clock.sleep_for(1.0 + 0.5 * i);
                journal.add(clock, fmt::format("thread {} step {}", i, step));
            }
        });
    }
    common::run_threads(clock, std::move(bodies));
    return journal.lines;
}
}  // namespace

TEST_CASE("threads on a virtual clock wake in deadline order, ties in the order they slept") {
    common::VirtualClock clock;
    CHECK(three_sleepers(clock) == std::vector<std::string>{
                                       "1.0 thread 0 step 0",
                                       "1.5 thread 1 step 0",
                                       "2.0 thread 2 step 0",  // asleep since 0.0
                                       "2.0 thread 0 step 1",  // asleep since 1.0
                                       "3.0 thread 1 step 1",
                                       "4.0 thread 2 step 1",
                                   });
    CHECK(clock.now() == 4.0);
}

TEST_CASE("paced by real time, threads wake in the same order at the same story times as on virtual time") {
    common::VirtualClock instant;
    common::VirtualClock paced(1000.0);  // 4 story seconds: 4 ms of real time
    CHECK(three_sleepers(paced) == three_sleepers(instant));
    CHECK(paced.now() == 4.0);
}

TEST_CASE("a notify cuts a paced wait short: the notified thread runs at the story time of the notify") {
    common::VirtualClock clock(1.0);  // the deadlines below are 1000 s of real time away
    common::ClockCondition condition(clock);
    std::mutex mutex;
    bool waiting = false;
    bool stop = false;
    double woke_at = -1.0;
    // The only clock thread waits for `stop` until story time 1000: it paces, waiting for real
    // time. A thread outside the clock notifies it; it must run at once, at story time 0.
    common::ClockThread waiter(clock, [&] {
        std::unique_lock lock(mutex);
        waiting = true;  // the mutex is released only inside the clock, once the wait is registered
        condition.wait_until(lock, 1000.0, [&] { return stop; });
        woke_at = clock.now();
    });
    std::thread notifier([&] {
        for (;;) {
            const std::lock_guard lock(mutex);
            if (!waiting) continue;
            stop = true;
            condition.notify_all();
            return;
        }
    });
    notifier.join();
    waiter.join();
    CHECK(woke_at == 0.0);
    CHECK(clock.now() == 0.0);
}

TEST_CASE("two threads that each sleep 2 s twice finish at 4 s of virtual time, not 8 s") {
    common::VirtualClock clock;
    const auto body = [&] {
        clock.sleep_for(2.0);
        clock.sleep_for(2.0);
    };
    common::run_threads(clock, std::vector<std::function<void()>>{body, body});
    CHECK(clock.now() == 4.0);
}

TEST_CASE("time does not jump while a thread that uses the clock is still working") {
    common::VirtualClock clock;
    std::mutex mutex;
    bool busy_done = false;
    double seen_by_sleeper = -1;
    // The busy thread never sleeps on the clock, so the sleeper cannot wake before the busy
    // thread has finished, although its deadline is the only one.
    common::run_threads(clock, std::vector<std::function<void()>>{
                                   [&] {
                                       clock.sleep_for(1.0);
                                       const std::lock_guard guard(mutex);
                                       seen_by_sleeper = busy_done ? clock.now() : -2;
                                   },
                                   [&] {
                                       volatile long sum = 0;
                                       for (long i = 0; i < 200'000; ++i) sum = sum + i;
                                       const std::lock_guard guard(mutex);
                                       busy_done = true;
                                   },
                               });
    CHECK(seen_by_sleeper == 1.0);
}

TEST_CASE("a producer thread wakes a consumer blocked on a ClockCondition at the exact virtual time") {
    common::VirtualClock clock;
    common::ClockCondition ready(clock);
    std::mutex mutex;
    std::vector<int> items;
    std::vector<std::string> got;
    common::run_threads(clock, std::vector<std::function<void()>>{
                                   [&] {
                                       for (int n = 0; n < 3; ++n) {
                                           std::unique_lock lock(mutex);
                                           ready.wait(lock, [&] { return !items.empty(); });
                                           got.push_back(fmt::format("{:.1f} got {}", clock.now(), items.front()));
                                           items.erase(items.begin());
                                       }
                                   },
                                   [&] {
                                       for (int n = 0; n < 3; ++n) {
                                           clock.sleep_for(1.5);
                                           const std::lock_guard lock(mutex);
                                           items.push_back(n);
                                           ready.notify_all();
                                       }
                                   },
                               });
    CHECK(got == std::vector<std::string>{"1.5 got 0", "3.0 got 1", "4.5 got 2"});
}

TEST_CASE("a producer and a consumer on a paced clock keep the exact story times") {
    common::VirtualClock clock(1000.0);
    common::ClockCondition ready(clock);
    std::mutex mutex;
    int items = 0;
    std::vector<std::string> got;
    common::run_threads(clock, std::vector<std::function<void()>>{
                                   [&] {
                                       for (int n = 0; n < 3; ++n) {
                                           std::unique_lock lock(mutex);
                                           ready.wait(lock, [&] { return items > 0; });
                                           --items;
                                           got.push_back(fmt::format("{:.1f} got {}", clock.now(), n));
                                       }
                                   },
                                   [&] {
                                       for (int n = 0; n < 3; ++n) {
                                           clock.sleep_for(1.5);
                                           const std::lock_guard lock(mutex);
                                           ++items;
                                           ready.notify_all();
                                       }
                                   },
                               });
    CHECK(got == std::vector<std::string>{"1.5 got 0", "3.0 got 1", "4.5 got 2"});
}

TEST_CASE("a notified thread waits for its turn: with ties after a notify, every run logs the same order") {
    // Both threads sleep 1 s right after the notify; the notifier went to sleep first, so it
    // wakes first at 2.0. Were the woken thread let run beside its notifier, the order would
    // depend on which of them the OS scheduled first.
    for (int run = 0; run < 50; ++run) {
        common::VirtualClock clock;
        common::ClockCondition condition(clock);
        std::mutex mutex;
        bool ready = false;
        Journal journal;
        common::run_threads(clock, std::vector<std::function<void()>>{
                                       [&] {
                                           {
                                               std::unique_lock lock(mutex);
                                               condition.wait(lock, [&] { return ready; });
                                           }
                                           journal.add(clock, "waiter: notified");
                                           clock.sleep_for(1.0);
                                           journal.add(clock, "waiter: slept 1 s");
                                       },
                                       [&] {
                                           clock.sleep_for(1.0);
                                           {
                                               const std::lock_guard lock(mutex);
                                               ready = true;
                                               condition.notify_all();
                                           }
                                           clock.sleep_for(1.0);
                                           journal.add(clock, "notifier: slept 1 s");
                                       },
                                   });
        REQUIRE(journal.lines == std::vector<std::string>{
                                     "1.0 waiter: notified",
                                     "2.0 notifier: slept 1 s",
                                     "2.0 waiter: slept 1 s",
                                 });
    }
}

TEST_CASE("an exception escaping a ClockThread is rethrown by join and does not stall the clock") {
    common::VirtualClock clock;
    std::optional<common::ClockHold> hold(clock);
    common::ClockThread failing(clock, [] { throw std::runtime_error("boom"); });
    common::ClockThread sleeper(clock, [&] { clock.sleep_for(1.0); });
    hold.reset();
    CHECK_THROWS_WITH_AS(failing.join(), "boom", std::runtime_error);
    sleeper.join();
    CHECK(clock.now() == 1.0);
}

TEST_CASE("a ClockPresence holds time still while its thread works, and OffTheClock lets it move while it joins") {
    common::VirtualClock clock;
    std::atomic<bool> busy_done{false};
    double seen_by_sleeper = -1;
    {
        // What a running event loop does: its thread counts on the clock while it works.
        const common::ClockPresence presence(clock);
        common::ClockThread sleeper(clock, [&] {
            clock.sleep_for(1.0);
            seen_by_sleeper = busy_done ? clock.now() : -2;
        });
        volatile long sum = 0;
        for (long i = 0; i < 200'000; ++i) sum = sum + i;
        busy_done = true;
        // Blocked in join, this thread does nothing: time may move for the sleeper.
        const common::OffTheClock joining(clock);
        sleeper.join();
    }
    CHECK(seen_by_sleeper == 1.0);
    CHECK(common::current_thread_clock() == nullptr);
}

TEST_CASE("a ClockPresence on a thread that counts already changes nothing: its sleeps still move time") {
    common::VirtualClock clock;
    double woke_at = -1;
    common::ClockThread thread(clock, [&] {
        const common::ClockPresence presence(clock);
        clock.sleep_for(1.0);
        woke_at = clock.now();
    });
    thread.join();
    CHECK(woke_at == 1.0);
}
