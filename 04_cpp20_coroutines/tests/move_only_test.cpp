// Results may be move-only: aio::run, awaiting a task and gather move them out; only a task
// awaited by several coroutines would need copies.
#include "course_test.hpp"

#include <memory>
#include <tuple>
#include <utility>
#include <vector>

#include "aio/aio.hpp"

namespace {

aio::Coroutine<std::unique_ptr<int>> boxed(int value) {
    co_await aio::sleep(0.0);
    co_return std::make_unique<int>(value);
}

aio::Coroutine<int> unbox_all() {
    aio::Task<std::unique_ptr<int>> task = aio::create_task(boxed(1));
    const std::unique_ptr<int> from_task = co_await std::move(task);
    const std::unique_ptr<int> inline_value = co_await boxed(2);
    auto [a, b] = co_await aio::gather(boxed(3), boxed(4));
    std::vector<aio::Coroutine<std::unique_ptr<int>>> many;
    many.push_back(boxed(5));
    many.push_back(boxed(6));
    const std::vector<std::unique_ptr<int>> boxes = co_await aio::gather(std::move(many));
    co_return *from_task + *inline_value + *a + *b + *boxes[0] + *boxes[1];
}

}  // namespace

TEST_CASE("move-only results go through aio::run, co_await task and gather") {
    CHECK(aio::run(unbox_all(), {.virtual_time = true}) == 21);
    const std::unique_ptr<int> result = aio::run(boxed(7), {.virtual_time = true});
    CHECK(*result == 7);
}
