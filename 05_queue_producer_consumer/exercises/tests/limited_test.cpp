#include "course_test.hpp"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "limited.hpp"

namespace {

struct Count {
    int running = 0;
    int most = 0;
};

aio::Coroutine<void> job(Count& count, double seconds) {
    count.most = std::max(count.most, ++count.running);
    co_await aio::sleep(seconds);
    --count.running;
}

aio::Coroutine<void> failing_job() {
    co_await aio::sleep(1.0);
    throw std::runtime_error("download failed");
}

aio::Coroutine<double> six_jobs_two_at_a_time(Count& count) {
    aio::Semaphore semaphore(2);
    std::vector<aio::Coroutine<void>> jobs;
    for (int i = 0; i < 6; ++i) jobs.push_back(exercises::limited(semaphore, job(count, 1.0)));
    co_await aio::gather(std::move(jobs));
    co_return aio::time();
}

aio::Coroutine<int> permit_back_after_error() {
    aio::Semaphore semaphore(1);
    try {
        co_await exercises::limited(semaphore, failing_job());
    } catch (const std::runtime_error&) {}
    co_return semaphore.value();
}

aio::Coroutine<int> permit_back_after_cancel() {
    aio::Semaphore semaphore(1);
    Count count;
    aio::Task<void> task = aio::create_task(exercises::limited(semaphore, job(count, 10.0)));
    co_await aio::sleep(1.0);
    task.cancel();
    try {
        co_await task;
    } catch (const aio::CancelledError&) {}
    co_return semaphore.value();
}

// One job holds the only permit; a second waits for it and is cancelled while it waits. It
// never had the permit, so it must not give one back.
aio::Coroutine<std::string> cancelled_while_waiting() {
    aio::Semaphore semaphore(1);
    Count count;
    aio::Task<void> holder = aio::create_task(exercises::limited(semaphore, job(count, 2.0)));
    aio::Task<void> waiter = aio::create_task(exercises::limited(semaphore, job(count, 1.0)));
    co_await aio::sleep(1.0);
    waiter.cancel();
    try {
        co_await waiter;
    } catch (const aio::CancelledError&) {}
    const int while_held = semaphore.value();
    co_await holder;
    co_return fmt::format("permits while the holder runs: {}, after it: {}; jobs run: {}", while_held,
                          semaphore.value(), count.most);
}

}  // namespace

TEST_CASE("six 1 s jobs under Semaphore(2): never more than two at once, all done after 3 s") {
    Count count;
    CHECK(aio::run(six_jobs_two_at_a_time(count), {.virtual_time = true}) == 3.0);
    CHECK(count.most == 2);
}

TEST_CASE("the permit comes back when the work throws, and the exception reaches the caller") {
    CHECK(aio::run(permit_back_after_error(), {.virtual_time = true}) == 1);
}

TEST_CASE("the permit comes back when the work is cancelled") {
    CHECK(aio::run(permit_back_after_cancel(), {.virtual_time = true}) == 1);
}

TEST_CASE("a task cancelled while it waits for the permit gives none back: Semaphore(1) stays 1") {
    CHECK(aio::run(cancelled_while_waiting(), {.virtual_time = true}) ==
          "permits while the holder runs: 0, after it: 1; jobs run: 1");
}
