// aio::gather_settled and aio::Outcome: every child's value or exception, never a throw for a
// child, while a cancel() of the gathering task still cancels and awaits them all.
#include "course_test.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aio/aio.hpp"
#include "story.hpp"

namespace {

using story::Lines;
using story::note;

aio::Coroutine<int> value_after(Lines& lines, std::string name, double seconds, int value) {
    try {
        co_await aio::sleep(seconds);
    } catch (const aio::CancelledError&) {
        note(lines, name + " cancelled");
        throw;
    }
    note(lines, name + " finishes");
    co_return value;
}

aio::Coroutine<int> fails_after(Lines& lines, std::string name, double seconds) {
    co_await aio::sleep(seconds);
    note(lines, name + " raises");
    throw std::runtime_error(name + " failed");
}

aio::Coroutine<void> pause(double seconds) { co_await aio::sleep(seconds); }

template <class T>
std::string describe(const aio::Outcome<T>& outcome) {
    if (outcome.cancelled()) return "cancelled";
    try {
        if constexpr (std::is_void_v<T>) {
            outcome.value();
            return "done";
        } else {
            return fmt::format("{}", outcome.value());
        }
    } catch (const std::runtime_error& error) {
        return fmt::format("'{}'", error.what());
    }
}

aio::Coroutine<void> settled_tuple(Lines& lines) {
    aio::Task<int> task = aio::create_task(value_after(lines, "task", 0.5, 4));
    const auto [a, b, c, d] =
        co_await aio::gather_settled(value_after(lines, "a", 3.0, 1), fails_after(lines, "b", 1.0), pause(2.0), task);
    note(lines, fmt::format("outcomes {} {} {} {}", describe(a), describe(b), describe(c), describe(d)));
}

}  // namespace

TEST_CASE("gather_settled waits for every child and returns each value or exception in argument order") {
    CHECK(story::told(settled_tuple) ==
          Lines{"0.5s task finishes", "1.0s b raises", "3.0s a finishes", "3.0s outcomes 1 'b failed' done 4"});
}

namespace {

aio::Coroutine<void> settled_vector(Lines& lines) {
    std::vector<aio::Coroutine<int>> work;
    work.push_back(fails_after(lines, "v0", 2.0));
    work.push_back(value_after(lines, "v1", 1.0, 10));
    work.push_back(fails_after(lines, "v2", 0.5));
    const std::vector<aio::Outcome<int>> outcomes = co_await aio::gather_settled(std::move(work));
    std::vector<std::string> described;
    for (const aio::Outcome<int>& outcome : outcomes) described.push_back(describe(outcome));
    note(lines, fmt::format("outcomes {}", fmt::join(described, " ")));
    const std::vector<aio::Outcome<int>> none = co_await aio::gather_settled(std::vector<aio::Coroutine<int>>{});
    note(lines, fmt::format("{} outcome(s) of no work", none.size()));
}

}  // namespace

TEST_CASE("gather_settled over a vector keeps the order given, no work gives no outcome") {
    CHECK(story::told(settled_vector) == Lines{"0.5s v2 raises", "1.0s v1 finishes", "2.0s v0 raises",
                                               "2.0s outcomes 'v0 failed' 10 'v2 failed'",
                                               "2.0s 0 outcome(s) of no work"});
}

namespace {

aio::Coroutine<void> cancel_after(aio::Task<int> task, double seconds) {
    co_await aio::sleep(seconds);
    task.cancel();
}

aio::Coroutine<void> child_cancelled(Lines& lines) {
    aio::Task<int> victim = aio::create_task(value_after(lines, "victim", 5.0, 1));
    aio::Task<void> canceller = aio::create_task(cancel_after(victim, 1.0));
    const auto [a, b] = co_await aio::gather_settled(value_after(lines, "a", 2.0, 2), victim);
    note(lines, fmt::format("outcomes {} {}", describe(a), describe(b)));
    co_await canceller;
}

}  // namespace

TEST_CASE("a child cancelled by someone else is an outcome of gather_settled, not its cancellation") {
    CHECK(story::told(child_cancelled) ==
          Lines{"1.0s victim cancelled", "2.0s a finishes", "2.0s outcomes 2 cancelled"});
}

namespace {

aio::Coroutine<void> gatherer(Lines& lines) {
    try {
        co_await aio::gather_settled(value_after(lines, "x", 5.0, 1), fails_after(lines, "y", 0.5),
                                     value_after(lines, "z", 6.0, 3));
        note(lines, "gatherer: returned");
    } catch (const aio::CancelledError&) {
        note(lines, "gatherer: CancelledError, after every child stopped");
        throw;
    }
}

aio::Coroutine<void> cancel_the_gatherer(Lines& lines) {
    aio::Task<void> task = aio::create_task(gatherer(lines));
    co_await aio::sleep(1.0);
    task.cancel();
    try {
        co_await task;
    } catch (const aio::CancelledError&) {
        note(lines, fmt::format("main: the gatherer is cancelled: {}", task.cancelled()));
    }
}

}  // namespace

TEST_CASE("cancelling the task in gather_settled cancels every child, waits for them, then throws CancelledError") {
    CHECK(story::told(cancel_the_gatherer) == Lines{"0.5s y raises", "1.0s x cancelled", "1.0s z cancelled",
                                                    "1.0s gatherer: CancelledError, after every child stopped",
                                                    "1.0s main: the gatherer is cancelled: true"});
}

namespace {

aio::Coroutine<void> settle_empty_task() { co_await aio::gather_settled(aio::Task<int>()); }

aio::Coroutine<void> settle_empty_coroutine() {
    std::vector<aio::Coroutine<int>> work(2);
    co_await aio::gather_settled(std::move(work));
}

aio::Coroutine<void> settle_itself(aio::Task<void>& self) { co_await aio::gather_settled(self); }

aio::Coroutine<void> settle_foreign(aio::Task<int> foreign) { co_await aio::gather_settled(pause(1.0), foreign); }

}  // namespace

TEST_CASE("gather_settled throws for misuse instead of keeping it as an outcome") {
    CHECK_THROWS_WITH_AS(aio::run(settle_empty_task(), {.virtual_time = true}),
                         "an empty aio::Task (default-constructed or moved from)", std::logic_error);
    CHECK_THROWS_WITH_AS(aio::run(settle_empty_coroutine(), {.virtual_time = true}),
                         "gather_settled: an empty aio::Coroutine (awaited already or moved from)", std::logic_error);
    CHECK_THROWS_WITH_AS(aio::run(story::with_itself(settle_itself), {.virtual_time = true}),
                         "gather_settled: a task cannot wait for itself (it would never finish)", std::logic_error);
    Lines lines;
    aio::EventLoop other({.virtual_time = true});
    const aio::Task<int> foreign = other.create_task(value_after(lines, "foreign", 1.0, 5));
    CHECK_THROWS_WITH_AS(aio::run(settle_foreign(foreign), {.virtual_time = true}),
                         "gather_settled: the task belongs to another event loop", std::logic_error);
    CHECK(other.run_until_complete(foreign) == 5);
}

TEST_CASE("an Outcome holds a value or an exception, value() rethrows the exception") {
    aio::Outcome<int> ok = aio::Outcome<int>::success(3);
    CHECK(ok.has_value());
    CHECK(ok.value() == 3);
    CHECK(ok.error() == nullptr);
    CHECK_FALSE(ok.cancelled());
    const aio::Outcome<int> failed = aio::Outcome<int>::failure(std::make_exception_ptr(std::runtime_error("no")));
    CHECK_FALSE(failed.has_value());
    CHECK(failed.error() != nullptr);
    CHECK_FALSE(failed.cancelled());
    CHECK_THROWS_WITH_AS((void)failed.value(), "no", std::runtime_error);
    const aio::Outcome<void> cancelled = aio::Outcome<void>::failure(std::make_exception_ptr(aio::CancelledError{}));
    CHECK(cancelled.cancelled());
    CHECK_THROWS_AS((void)cancelled.value(), aio::CancelledError);
    CHECK_THROWS_AS(aio::Outcome<int>::failure(nullptr), std::invalid_argument);
    const std::unique_ptr<int> moved = aio::Outcome<std::unique_ptr<int>>::success(std::make_unique<int>(8)).value();
    CHECK(*moved == 8);
}

namespace {

aio::Coroutine<std::unique_ptr<int>> boxed(int value, double seconds) {
    co_await aio::sleep(seconds);
    co_return std::make_unique<int>(value);
}

aio::Coroutine<std::unique_ptr<int>> boxed_failure(double seconds) {
    co_await aio::sleep(seconds);
    throw std::runtime_error("no box");
}

std::string describe_error(const aio::Outcome<std::unique_ptr<int>>& outcome) {
    if (outcome.has_value()) return "no error";
    try {
        std::rethrow_exception(outcome.error());
    } catch (const std::runtime_error& error) {
        return fmt::format("'{}'", error.what());
    }
}

aio::Coroutine<std::string> move_only_outcomes() {
    auto [a, b] = co_await aio::gather_settled(boxed(1, 2.0), boxed_failure(1.0));
    std::vector<aio::Coroutine<std::unique_ptr<int>>> work;
    work.push_back(boxed(3, 1.0));
    std::vector<aio::Outcome<std::unique_ptr<int>>> outcomes = co_await aio::gather_settled(std::move(work));
    const std::unique_ptr<int> first = std::move(a).value();
    const std::unique_ptr<int> third = std::move(outcomes[0]).value();
    co_return fmt::format("{} {} {} at {}", *first, describe_error(b), *third, aio::time());
}

}  // namespace

TEST_CASE("gather_settled moves move-only results into their outcomes") {
    CHECK(aio::run(move_only_outcomes(), {.virtual_time = true}) == "1 'no box' 3 at 3");
}
