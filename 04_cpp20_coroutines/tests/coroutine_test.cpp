// aio::Coroutine: lazy, awaited inline, and a flat stack however long the chain.
#include "course_test.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "aio/aio.hpp"

namespace {

using Lines = std::vector<std::string>;

aio::Coroutine<int> child(Lines& lines, int value) {
    lines.push_back("child runs");
    co_return value * 2;
}

aio::Coroutine<int> parent(Lines& lines) {
    aio::Coroutine<int> c = child(lines, 21);
    lines.push_back("child created, not started");
    const std::uint64_t before = aio::get_running_loop().iterations();
    const int result = co_await std::move(c);
    lines.push_back(aio::get_running_loop().iterations() == before ? "same iteration" : "another iteration");
    co_return result;
}

}  // namespace

TEST_CASE("calling a coroutine runs nothing, co_await runs it inline, within the same loop iteration") {
    Lines lines;
    CHECK(aio::run(parent(lines), {.virtual_time = true}) == 42);
    CHECK(lines == Lines{"child created, not started", "child runs", "same iteration"});
}

namespace {

aio::Coroutine<int> fails() {
    throw std::runtime_error("boom");
    co_return 0;
}

aio::Coroutine<std::string> catches() {
    try {
        co_await fails();
    } catch (const std::runtime_error& error) {
        co_return std::string("caught ") + error.what();
    }
    co_return "not caught";
}

}  // namespace

TEST_CASE("an exception escaping a coroutine travels through co_await to the awaiter") {
    CHECK(aio::run(catches(), {.virtual_time = true}) == "caught boom");
}

namespace {

aio::Coroutine<int> one() { co_return 1; }

aio::Coroutine<long> many_awaits(int count) {
    long sum = 0;
    for (int i = 0; i < count; ++i) sum += co_await one();
    co_return sum;
}

aio::Coroutine<int> chain(int depth) {
    if (depth == 0) {
        co_await aio::sleep(1.0);  // the bottom waits on the loop: the way back up is asynchronous
        co_return 0;
    }
    co_return 1 + co_await chain(depth - 1);
}

aio::Coroutine<int> chain_sync(int depth) {
    if (depth == 0) co_return 0;
    co_return 1 + co_await chain_sync(depth - 1);
}

}  // namespace

// These pass in Debug and under ASan on g++ 12 and clang 14: the flat stack comes from the
// trampoline, not from the optimiser's tail calls.
TEST_CASE("1'000'000 awaits of coroutines that finish at once do not grow the stack") {
    CHECK(aio::run(many_awaits(1'000'000), {.virtual_time = true}) == 1'000'000);
}

TEST_CASE("a chain of 10'000 nested awaits, suspended at the bottom, unwinds without stack overflow") {
    aio::EventLoop loop({.virtual_time = true});
    CHECK(loop.run_until_complete(chain(10'000)) == 10'000);
    CHECK(loop.time() == 1.0);
    CHECK(loop.run_until_complete(chain_sync(10'000)) == 10'000);
}

namespace {

aio::Coroutine<void> await_twice() {
    aio::Coroutine<int> c = one();
    co_await c;
    co_await c;
}

aio::Coroutine<void> await_moved_from() {
    aio::Coroutine<int> c = one();
    aio::Coroutine<int> thief = std::move(c);
    co_await c;
}

}  // namespace

TEST_CASE("awaiting the same Coroutine twice throws std::logic_error instead of rerunning it") {
    CHECK_THROWS_WITH_AS(aio::run(await_twice(), {.virtual_time = true}),
                         "co_await on an empty aio::Coroutine: it was awaited already or moved from "
                         "(Python: cannot reuse already awaited coroutine)",
                         std::logic_error);
}

TEST_CASE("awaiting a moved-from Coroutine throws std::logic_error") {
    CHECK_THROWS_AS(aio::run(await_moved_from(), {.virtual_time = true}), std::logic_error);
}

TEST_CASE("a Coroutine that is never awaited never runs and frees its frame") {
    Lines lines;
    { aio::Coroutine<int> unused = child(lines, 1); }
    CHECK(lines.empty());
}
