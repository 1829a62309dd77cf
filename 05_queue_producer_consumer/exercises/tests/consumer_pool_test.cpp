#include "course_test.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "consumer_pool.hpp"

namespace {

struct Result {
    std::vector<int> handled;
    double done_at = 0.0;
    std::size_t tasks_left = 0;
};

aio::Coroutine<void> pool_of(Result& result, int workers) {
    aio::Queue<int> queue;
    for (const int item : {5, 10, 5, 20, 10}) queue.put_nowait(item);
    co_await exercises::run_pool(queue, workers, result.handled);
    result.done_at = aio::time();
    result.tasks_left = aio::get_running_loop().unfinished_tasks();  // this task only
}

// The pool is cancelled at 0.75 s, while one item is handled and two are being worked on.
aio::Coroutine<std::string> cancel_the_pool() {
    aio::Queue<int> queue;
    for (const int item : {5, 10, 5, 20, 10}) queue.put_nowait(item);
    std::vector<int> handled;
    aio::Task<void> pool = aio::create_task(exercises::run_pool(queue, 2, handled));
    co_await aio::sleep(0.75);
    pool.cancel();
    try {
        co_await pool;
    } catch (const aio::CancelledError&) {}
    co_return fmt::format("cancelled: {}, at {}, handled: {}, tasks left: {}", pool.cancelled(), aio::time(),
                          handled.size(), aio::get_running_loop().unfinished_tasks());
}

}  // namespace

TEST_CASE("two workers handle every item, in the order they finish, and are done after 3 s") {
    Result result;
    aio::run(pool_of(result, 2), {.virtual_time = true});
    CHECK(result.handled == std::vector<int>{5, 10, 5, 10, 20});
    CHECK(result.done_at == doctest::Approx(3.0));
}

TEST_CASE("when run_pool returns, no worker is left running") {
    Result result;
    aio::run(pool_of(result, 3), {.virtual_time = true});
    CHECK(result.tasks_left == 1);
    std::sort(result.handled.begin(), result.handled.end());
    CHECK(result.handled == std::vector<int>{5, 5, 10, 10, 20});
}

TEST_CASE("a pool cancelled while it waits for the queue ends cancelled, with no worker left running") {
    CHECK(aio::run(cancel_the_pool(), {.virtual_time = true}) == "cancelled: true, at 0.75, handled: 1, tasks left: 1");
}
