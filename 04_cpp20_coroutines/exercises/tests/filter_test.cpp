#include "course_test.hpp"

#include <stdexcept>
#include <string>
#include <vector>

#include "aio/generator.hpp"
#include "aio/generator_adapters.hpp"
#include "filter.hpp"

namespace {

using Events = std::vector<std::string>;

aio::Generator<int> count_up_to(int stop, Events& events) {
    for (int i = 0; i < stop; ++i) {
        events.push_back("yield " + std::to_string(i));
        co_yield i;
    }
    events.push_back("finished");
}

aio::Generator<int> naturals() {
    for (int i = 0;; ++i) co_yield i;
}

aio::Generator<int> one_two_then_throws() {
    co_yield 1;
    co_yield 2;
    throw std::runtime_error("the source failed");
}

bool is_even(int x) { return x % 2 == 0; }

std::vector<int> collect(aio::Generator<int> generator) {
    std::vector<int> values;
    for (const int value : generator) values.push_back(value);
    return values;
}

}  // namespace

TEST_CASE("filter keeps the values that pass the test, in their order") {
    Events events;
    CHECK(collect(exercises::filter(count_up_to(7, events), is_even)) == std::vector<int>{0, 2, 4, 6});
}

TEST_CASE("calling filter runs neither its body nor its source") {
    Events events;
    auto evens = exercises::filter(count_up_to(3, events), is_even);
    CHECK(events.empty());
    CHECK(collect(std::move(evens)) == std::vector<int>{0, 2});
    CHECK(events == Events{"yield 0", "yield 1", "yield 2", "finished"});
}

TEST_CASE("filter asks its source for one value at a time, only when the consumer asks") {
    Events events;
    for (const int value : exercises::filter(count_up_to(5, events), is_even))
        events.push_back("got " + std::to_string(value));
    CHECK(events ==
          Events{"yield 0", "got 0", "yield 1", "yield 2", "got 2", "yield 3", "yield 4", "got 4", "finished"});
}

TEST_CASE("filter works on an endless source when something downstream stops") {
    const auto odd = [](int x) { return x % 2 == 1; };
    CHECK(collect(naturals() | exercises::filter(odd) | aio::take(4)) == std::vector<int>{1, 3, 5, 7});
}

TEST_CASE("filter calls the test exactly once per value of the source") {
    Events events;
    int calls = 0;
    const auto counted = [&calls](int x) {
        ++calls;
        return x > 2;
    };
    CHECK(collect(exercises::filter(count_up_to(5, events), counted)) == std::vector<int>{3, 4});
    CHECK(calls == 5);
}

TEST_CASE("when no value passes, filter yields nothing and still runs its source to the end") {
    Events events;
    CHECK(collect(exercises::filter(count_up_to(3, events), [](int) { return false; })).empty());
    CHECK(events == Events{"yield 0", "yield 1", "yield 2", "finished"});
}

TEST_CASE("an exception from the source comes through filter to the consumer") {
    std::vector<int> seen;
    auto kept = exercises::filter(one_two_then_throws(), [](int) { return true; });
    CHECK_THROWS_WITH_AS(
        [&] {
            for (const int value : kept) seen.push_back(value);
        }(),
        "the source failed", std::runtime_error);
    CHECK(seen == std::vector<int>{1, 2});
}
