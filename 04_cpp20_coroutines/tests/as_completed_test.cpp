// aio::as_completed: results in the order the tasks finish, each exception at the await that
// takes it, on virtual time.
#include "course_test.hpp"

#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "story.hpp"

namespace {

using story::Lines;
using story::note;
using Tasks = std::vector<aio::Task<std::string>>;

aio::Coroutine<std::string> job(std::string name, double seconds) {
    co_await aio::sleep(seconds);
    co_return name;
}

aio::Coroutine<std::string> fails(std::string name, double seconds) {
    co_await aio::sleep(seconds);
    throw std::runtime_error(name + " failed");
}

aio::Coroutine<void> in_finishing_order(Lines& lines) {
    Tasks tasks{aio::create_task(job("a", 3.0)), aio::create_task(fails("b", 1.0)), aio::create_task(job("c", 2.0))};
    for (aio::Coroutine<std::string> next : aio::as_completed(tasks)) {
        try {
            const std::string name = co_await next;
            note(lines, "got " + name);
        } catch (const std::runtime_error& error) {
            note(lines, fmt::format("raised '{}'", error.what()));
        }
    }
}

}  // namespace

TEST_CASE("as_completed yields results in finishing order, an exception is thrown by the await that takes it") {
    CHECK(story::told(in_finishing_order) == Lines{"1.0s raised 'b failed'", "2.0s got c", "3.0s got a"});
}

namespace {

aio::Coroutine<std::string> finished_first(std::string name) { co_return name; }

aio::Coroutine<void> some_finished_already(Lines& lines) {
    Tasks tasks{aio::create_task(job("slow", 1.0)), aio::create_task(job("second", 0.0)),
                aio::create_task(finished_first("first"))};
    co_await tasks[1];  // "first" finished one turn before "second"
    const std::uint64_t before = aio::get_running_loop().iterations();
    for (aio::Coroutine<std::string> next : aio::as_completed(tasks)) {
        const std::string name = co_await next;
        note(lines, fmt::format("got {} after {} turn(s)", name, aio::get_running_loop().iterations() - before));
    }
}

}  // namespace

// Four turns for "slow": its reporter starts, slow finishes, the reporter hands it over, the
// taker resumes.
TEST_CASE("as_completed hands out tasks that finished already first, in the order they finished, at once") {
    CHECK(story::told(some_finished_already) ==
          Lines{"0.0s got first after 0 turn(s)", "0.0s got second after 0 turn(s)", "1.0s got slow after 4 turn(s)"});
}

namespace {

aio::Coroutine<void> nothing(Lines& lines) {
    const Tasks none;
    const aio::AsCompleted<std::string> range = aio::as_completed(none);
    note(lines, fmt::format("{} element(s), begin == end: {}", range.size(), range.begin() == range.end()));
    for (aio::Coroutine<std::string> next : range) co_await next;
}

}  // namespace

TEST_CASE("as_completed of no tasks is an empty range") {
    CHECK(story::told(nothing) == Lines{"0.0s 0 element(s), begin == end: true"});
}

namespace {

aio::Coroutine<void> take_one(Lines& lines, std::string who, aio::AsCompleted<std::string> range) {
    try {
        const std::string name = co_await *range.begin();
        note(lines, who + " got " + name);
    } catch (const aio::CancelledError&) {
        note(lines, who + " cancelled");
        throw;
    }
}

aio::Coroutine<void> cancelled_taker(Lines& lines) {
    Tasks tasks{aio::create_task(job("a", 2.0)), aio::create_task(job("b", 1.0))};
    const aio::AsCompleted<std::string> range = aio::as_completed(tasks);
    aio::Task<void> first = aio::create_task(take_one(lines, "taker 1", range));
    aio::Task<void> second = aio::create_task(take_one(lines, "taker 2", range));
    co_await aio::sleep(0.5);
    first.cancel();
    co_await aio::sleep(0.0);
    aio::Task<void> third = aio::create_task(take_one(lines, "taker 3", range));
    co_await second;
    co_await third;
    note(lines, fmt::format("the tasks were not cancelled: {} {}", tasks[0].cancelled(), tasks[1].cancelled()));
}

}  // namespace

TEST_CASE("a cancelled taker of as_completed takes nothing: the next taker gets the result, the tasks run on") {
    CHECK(story::told(cancelled_taker) == Lines{"0.5s taker 1 cancelled", "1.0s taker 2 got b", "2.0s taker 3 got a",
                                                "2.0s the tasks were not cancelled: false false"});
}

namespace {

// Woken for a's result, taker 1 is cancelled before it runs: it must pass the wake-up on, or
// taker 2 would wait for b's reporter, 4 s later.
aio::Coroutine<void> cancelled_after_wake_up(Lines& lines) {
    Tasks tasks{aio::create_task(job("a", 1.0)), aio::create_task(job("b", 5.0))};
    const aio::AsCompleted<std::string> range = aio::as_completed(tasks);
    aio::Task<void> first = aio::create_task(take_one(lines, "taker 1", range));
    aio::Task<void> second = aio::create_task(take_one(lines, "taker 2", range));
    co_await aio::sleep(0.0);  // the reporters and both takers wait now
    co_await tasks[0];         // woken right after a's reporter, which has woken taker 1
    note(lines, fmt::format("taker 1 has not run yet: {}", !first.done()));
    first.cancel();
    co_await second;
    tasks[1].cancel();
}

}  // namespace

TEST_CASE("a taker cancelled after its wake-up passes the result on to the next taker") {
    CHECK(story::told(cancelled_after_wake_up) ==
          Lines{"1.0s taker 1 has not run yet: true", "1.0s taker 1 cancelled", "1.0s taker 2 got a"});
}

namespace {

aio::Coroutine<std::unique_ptr<int>> boxed(int value, double seconds) {
    co_await aio::sleep(seconds);
    co_return std::make_unique<int>(value);
}

aio::Coroutine<std::vector<int>> move_only() {
    std::vector<aio::Task<std::unique_ptr<int>>> tasks{aio::create_task(boxed(1, 2.0)),
                                                       aio::create_task(boxed(2, 1.0))};
    std::vector<int> values;
    for (aio::Coroutine<std::unique_ptr<int>> next : aio::as_completed(tasks)) {
        const std::unique_ptr<int> box = co_await next;
        values.push_back(*box);
    }
    co_return values;
}

}  // namespace

TEST_CASE("as_completed moves a move-only result out to the await that takes it") {
    CHECK(aio::run(move_only(), {.virtual_time = true}) == std::vector<int>{2, 1});
}

namespace {

aio::Coroutine<void> take_too_many() {
    Tasks tasks{aio::create_task(job("a", 1.0))};
    const aio::AsCompleted<std::string> range = aio::as_completed(tasks);
    co_await *range.begin();
    co_await *range.begin();  // one task, one result: this is a second take
}

aio::Coroutine<void> as_completed_of(Tasks tasks) {
    aio::as_completed(tasks);
    co_return;
}

aio::Coroutine<void> as_completed_of_itself(aio::Task<void>& self) {
    const std::vector<aio::Task<void>> tasks(1, self);
    aio::as_completed(tasks);
    co_return;
}

}  // namespace

TEST_CASE("as_completed refuses a take beyond its tasks, an empty Task, its own task, another loop's task") {
    CHECK_THROWS_WITH_AS(aio::run(take_too_many(), {.virtual_time = true}),
                         "as_completed: every result has been taken already (one await per task)", std::logic_error);
    CHECK_THROWS_AS(aio::run(as_completed_of(Tasks(1)), {.virtual_time = true}), std::logic_error);
    CHECK_THROWS_WITH_AS(aio::run(story::with_itself(as_completed_of_itself), {.virtual_time = true}),
                         "as_completed: a task cannot wait for itself (it would never finish)", std::logic_error);
    aio::EventLoop other({.virtual_time = true});
    const aio::Task<std::string> foreign = other.create_task(job("foreign", 1.0));
    CHECK_THROWS_WITH_AS(aio::run(as_completed_of(Tasks(1, foreign)), {.virtual_time = true}),
                         "as_completed: the task belongs to another event loop", std::logic_error);
    CHECK(other.run_until_complete(foreign) == "foreign");
}

namespace {

aio::Coroutine<std::string> many(int count) {
    Tasks tasks;
    for (int i = 0; i < count; ++i) tasks.push_back(aio::create_task(job(std::to_string(i), (count - i) * 0.001)));
    std::string first;
    std::string last;
    int taken = 0;
    for (aio::Coroutine<std::string> next : aio::as_completed(tasks)) {
        last = co_await next;
        if (taken++ == 0) first = last;
    }
    co_return fmt::format("{} results, first {}, last {}, at {:.3f}", taken, first, last, aio::time());
}

}  // namespace

TEST_CASE("as_completed over 20'000 tasks that finish in reverse order yields them in reverse order") {
    CHECK(aio::run(many(20'000), {.virtual_time = true}) == "20000 results, first 19999, last 0, at 20.000");
}
