#include "course_test.hpp"

#include <algorithm>
#include <vector>

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
