#include "course_test.hpp"

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <ranges>
#include <stdexcept>
#include <string>
#include <vector>

#include "aio/generator.hpp"
#include "aio/generator_adapters.hpp"
#include "fibonacci.hpp"
#include "fibonacci_by_hand.hpp"

namespace {

using Events = std::vector<std::string>;

aio::Generator<int> count_up_to(int stop, Events& events) {
    events.push_back("started");
    for (int i = 0; i < stop; ++i) {
        events.push_back("yield " + std::to_string(i));
        co_yield i;
    }
    events.push_back("finished");
}

aio::Generator<int> yields_then_throws() {
    co_yield 1;
    throw std::runtime_error("boom");
}

aio::Generator<int> throws_at_once() {
    throw std::runtime_error("before the first yield");
    co_yield 0;  // never reached; makes this a coroutine
}

// Records its own destruction: shows which locals a destroyed frame takes down with it.
class Sentinel {
public:
    explicit Sentinel(bool& destroyed) : destroyed_(&destroyed) {}
    ~Sentinel() { *destroyed_ = true; }
    Sentinel(const Sentinel&) = delete;
    Sentinel& operator=(const Sentinel&) = delete;

private:
    bool* destroyed_;
};

aio::Generator<int> guarded_forever(bool& destroyed) {
    const Sentinel sentinel(destroyed);
    for (int i = 0;; ++i) co_yield i;
}

aio::Generator<std::string> labels(int count) {
    // Each co_yield's operand is a temporary: it must stay alive until the consumer moves on.
    for (int i = 0; i < count; ++i) co_yield "label " + std::to_string(i);
}

template <class T>
std::vector<T> collect(aio::Generator<T> generator) {
    std::vector<T> values;
    for (const T& value : generator) values.push_back(value);
    return values;
}

}  // namespace

static_assert(std::ranges::input_range<aio::Generator<int>>);
static_assert(std::input_iterator<aio::Generator<int>::iterator>);
static_assert(!std::is_copy_constructible_v<aio::Generator<int>>);

TEST_CASE("calling a generator runs none of its body") {
    Events events;
    const auto gen = count_up_to(3, events);
    CHECK(events.empty());
}

TEST_CASE("a range-for runs the body exactly up to each co_yield in turn") {
    Events events;
    for (const int value : count_up_to(2, events)) events.push_back("got " + std::to_string(value));
    CHECK(events == Events{"started", "yield 0", "got 0", "yield 1", "got 1", "finished"});
}

TEST_CASE("fibonacci() | take(10) yields the first ten Fibonacci numbers") {
    CHECK(collect(coroutines::fibonacci() | aio::take(10)) ==
          std::vector<std::uint64_t>{0, 1, 1, 2, 3, 5, 8, 13, 21, 34});
}

TEST_CASE("the co_yield Fibonacci and chapter 01's hand-written one give the same 94 numbers, then end") {
    coroutines::FibonacciByHand by_hand;
    std::vector<std::uint64_t> expected;
    while (const auto value = by_hand.next()) expected.push_back(*value);
    REQUIRE(expected.size() == 94);
    CHECK(expected.back() == 12200160415121876738ULL);  // F(93), the largest that fits in 64 bits
    CHECK(collect(coroutines::fibonacci()) == expected);
}

TEST_CASE("take(n) never resumes its source past the n-th value") {
    Events events;
    CHECK(collect(count_up_to(10, events) | aio::take(2)) == std::vector<int>{0, 1});
    CHECK(events == Events{"started", "yield 0", "yield 1"});
}

TEST_CASE("take(0) never starts its source") {
    Events events;
    CHECK(collect(count_up_to(10, events) | aio::take(0)).empty());
    CHECK(events.empty());
}

TEST_CASE("take(n) ends with its source when the source is shorter") {
    Events events;
    CHECK(collect(aio::take(count_up_to(2, events), 5)) == std::vector<int>{0, 1});
    CHECK(events == Events{"started", "yield 0", "yield 1", "finished"});
}

TEST_CASE("transform computes each value only when the consumer asks for it") {
    Events events;
    auto squares = count_up_to(3, events) | aio::transform([](int x) { return x * x; });
    CHECK(events.empty());
    for (const int square : squares) events.push_back("got " + std::to_string(square));
    CHECK(events == Events{"started", "yield 0", "got 0", "yield 1", "got 1", "yield 2", "got 4", "finished"});
}

TEST_CASE("transform may change the value type") {
    auto texts = coroutines::fibonacci() | aio::take(4) |
                 aio::transform([](std::uint64_t x) { return std::to_string(x) + "!"; });
    CHECK(collect(std::move(texts)) == std::vector<std::string>{"0!", "1!", "1!", "2!"});
}

TEST_CASE("take_while stops at the first value that fails the test and asks for no more") {
    Events events;
    CHECK(collect(count_up_to(10, events) | aio::take_while([](int x) { return x < 2; })) == std::vector<int>{0, 1});
    CHECK(events == Events{"started", "yield 0", "yield 1", "yield 2"});
}

TEST_CASE("a yielded temporary stays alive until the consumer steps past it") {
    CHECK(collect(labels(3)) == std::vector<std::string>{"label 0", "label 1", "label 2"});
}

TEST_CASE("an exception from the body comes out of the consumer's ++, and the generator is then finished") {
    auto gen = yields_then_throws();
    auto it = gen.begin();
    REQUIRE(it != gen.end());
    CHECK(*it == 1);
    CHECK_THROWS_WITH_AS(++it, "boom", std::runtime_error);
    CHECK(it == gen.end());
}

TEST_CASE("an exception before the first co_yield comes out of begin()") {
    auto gen = throws_at_once();
    CHECK_THROWS_WITH_AS(gen.begin(), "before the first yield", std::runtime_error);
    CHECK(gen.begin() == gen.end());
}

TEST_CASE("a finished generator stays finished: begin() again yields nothing") {
    Events events;
    auto gen = count_up_to(1, events);
    CHECK(std::ranges::distance(gen.begin(), gen.end()) == 1);
    CHECK(gen.begin() == gen.end());
    CHECK(events == Events{"started", "yield 0", "finished"});
}

TEST_CASE("destroying an unfinished generator destroys its frame and the locals alive in it") {
    const aio::GeneratorFrames before = aio::generator_frames();
    bool destroyed = false;
    {
        auto gen = guarded_forever(destroyed);
        auto it = gen.begin();
        ++it;
        CHECK(*it == 1);
        CHECK(aio::generator_frames().allocated == before.allocated + 1);
        CHECK(aio::generator_frames().live_bytes == before.live_bytes + gen.frame_size());
        CHECK_FALSE(destroyed);
    }
    CHECK(destroyed);
    CHECK(aio::generator_frames().freed == before.freed + 1);
    CHECK(aio::generator_frames().live_bytes == before.live_bytes);
}

TEST_CASE("frame_size() is what operator new gave the frame, and a pipeline is one frame per stage") {
    const aio::GeneratorFrames before = aio::generator_frames();
    auto fibonacci = coroutines::fibonacci();
    const std::size_t fibonacci_frame = fibonacci.frame_size();
    // At least the promise and the locals a, b and index: the compiler adds the rest.
    CHECK(fibonacci_frame >=
          sizeof(aio::Generator<std::uint64_t>::promise_type) + 2 * sizeof(std::uint64_t) + sizeof(int));
    CHECK(aio::generator_frames().live_bytes == before.live_bytes + fibonacci_frame);
    auto first_three = std::move(fibonacci) | aio::take(3);
    CHECK(fibonacci.frame_size() == 0);  // moved from: it owns no frame any more
    CHECK(aio::generator_frames().allocated == before.allocated + 2);
    CHECK(aio::generator_frames().live_bytes == before.live_bytes + fibonacci_frame + first_three.frame_size());
}

TEST_CASE("a moved-to generator continues where the moved-from one stopped") {
    Events events;
    auto gen = count_up_to(3, events);
    CHECK(*gen.begin() == 0);
    aio::Generator<int> other = std::move(gen);
    CHECK(gen.begin() == gen.end());  // the moved-from generator is empty, not broken
    // Like a second loop over a Python generator: it goes on from the last yield.
    CHECK(collect(std::move(other)) == std::vector<int>{1, 2});
    CHECK(events == Events{"started", "yield 0", "yield 1", "yield 2", "finished"});
}
