// wait, as_completed, shield and gather_settled mixed at random over workers that return, raise
// or are cancelled (fixed seeds): each rule checked against the outcome computed beforehand.
#include "course_test.hpp"

#include <algorithm>
#include <optional>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"

namespace {

// A worker's fate, drawn before the run. Events never tie: workers end on whole seconds,
// cancels come at .5, wait timeouts end at .25, shield waiters are cancelled at .75.
struct Fate {
    double duration = 0;
    bool raises = false;
    std::optional<double> cancel_at;
    [[nodiscard]] bool cancelled() const { return cancel_at && *cancel_at < duration; }
    [[nodiscard]] double end() const { return cancelled() ? *cancel_at : duration; }
    [[nodiscard]] bool failed() const { return !cancelled() && raises; }
};

struct World {
    std::vector<Fate> fates;
    std::vector<aio::Task<int>> workers;
    std::vector<std::string> broken;  // every rule that did not hold
};

aio::Coroutine<int> worker(int index, Fate fate) {
    co_await aio::sleep(fate.duration);
    if (fate.raises) throw std::runtime_error(fmt::format("worker {} failed", index));
    co_return index;
}

aio::Coroutine<void> cancel_at(aio::Task<int> task, double at) {
    co_await aio::sleep(at - aio::time());
    task.cancel();
}

// What a finished worker gave: "3", "error" or "cancelled".
std::string outcome_of(const aio::Task<int>& task) {
    try {
        return std::to_string(task.result());
    } catch (const std::runtime_error&) {
        return "error";
    } catch (const aio::CancelledError&) {
        return "cancelled";
    }
}

std::string expected_outcome(const Fate& fate, int index) {
    if (fate.cancelled()) return "cancelled";
    return fate.raises ? "error" : std::to_string(index);
}

void expect(World& world, bool holds, const std::string& rule) {
    if (!holds) world.broken.push_back(fmt::format("{:.2f}s {}", aio::time(), rule));
}

aio::Coroutine<void> check_wait(World& world, std::vector<int> chosen, aio::ReturnWhen mode,
                                std::optional<double> timeout) {
    std::vector<aio::Task<int>> tasks;
    double first_end = 1e9;
    double last_end = 0;
    double first_failure = 1e9;
    for (const int i : chosen) {
        tasks.push_back(world.workers[i]);
        first_end = std::min(first_end, world.fates[i].end());
        last_end = std::max(last_end, world.fates[i].end());
        if (world.fates[i].failed()) first_failure = std::min(first_failure, world.fates[i].end());
    }
    double expected = mode == aio::FIRST_COMPLETED   ? first_end
                      : mode == aio::FIRST_EXCEPTION ? std::min(first_failure, last_end)
                                                     : last_end;
    if (timeout) expected = std::min(expected, aio::time() + *timeout);
    auto [done, pending] = co_await aio::wait(tasks, mode, timeout);
    expect(world, aio::time() == expected, fmt::format("wait returns at {}", expected));
    for (const aio::Task<int>& task : done) expect(world, task.done(), "done tasks are done");
    for (const aio::Task<int>& task : pending) expect(world, !task.done(), "pending tasks are not");
    expect(world, done.size() + pending.size() == tasks.size(), "wait loses no task");
}

aio::Coroutine<void> shielded(World& world, int index, double cancelled_at) {
    const Fate& fate = world.fates[static_cast<std::size_t>(index)];
    std::string got;
    try {
        const int value = co_await aio::shield(world.workers[static_cast<std::size_t>(index)]);
        got = std::to_string(value);
    } catch (const std::runtime_error&) {
        got = "error";
    } catch (const aio::CancelledError&) {
        got = "cancelled";
    }
    if (cancelled_at < fate.end()) {
        expect(world, got == "cancelled" && aio::time() == cancelled_at, "a cancelled shield waiter stops at once");
    } else {
        expect(world, got == expected_outcome(fate, index) && aio::time() == fate.end(),
               "a shield waiter gets the task's outcome when it ends");
    }
}

aio::Coroutine<void> cancel_waiter_at(aio::Task<void> task, double at) {
    co_await aio::sleep(at - aio::time());
    task.cancel();
}

aio::Coroutine<void> check_as_completed(World& world, std::vector<int> chosen) {
    std::vector<aio::Task<int>> tasks;
    for (const int i : chosen) tasks.push_back(world.workers[i]);
    double previous = 0;
    std::size_t taken = 0;
    for (aio::Coroutine<int> next : aio::as_completed(tasks)) {
        try {
            co_await next;
        } catch (const std::runtime_error&) {
        } catch (const aio::CancelledError&) {}
        expect(world, aio::time() >= previous, "as_completed hands results out in finishing order");
        previous = aio::time();
        ++taken;
    }
    expect(world, taken == chosen.size(), "as_completed gives one result per task");
}

aio::Coroutine<void> check_gather_settled(World& world, int a, int b) {
    const auto [first, second] = co_await aio::gather_settled(world.workers[a], world.workers[b]);
    const double last = std::max(world.fates[a].end(), world.fates[b].end());
    expect(world, aio::time() == last, "gather_settled returns when the last child ends");
    expect(world, first.cancelled() == world.fates[a].cancelled() && second.cancelled() == world.fates[b].cancelled(),
           "gather_settled keeps a child's cancellation as its outcome");
    expect(world, (first.error() != nullptr) == (world.fates[a].cancelled() || world.fates[a].raises),
           "gather_settled keeps a child's exception as its outcome");
}

aio::Coroutine<std::vector<std::string>> scenario(unsigned seed) {
    std::mt19937 random(seed);
    const auto draw = [&random](int low, int high) { return std::uniform_int_distribution<int>(low, high)(random); };
    World world;
    const int count = 10;
    std::vector<aio::Task<void>> helpers;
    for (int i = 0; i < count; ++i) {
        Fate fate{.duration = static_cast<double>(draw(1, 8)), .raises = draw(0, 3) == 0, .cancel_at = std::nullopt};
        if (draw(0, 4) == 0) fate.cancel_at = draw(0, 8) + 0.5;
        world.fates.push_back(fate);
        world.workers.push_back(aio::create_task(worker(i, fate)));
        if (fate.cancel_at) helpers.push_back(aio::create_task(cancel_at(world.workers.back(), *fate.cancel_at)));
    }
    const auto some = [&] {
        std::vector<int> chosen;
        for (int i = 0; i < count; ++i) {
            if (draw(0, 2) == 0) chosen.push_back(i);
        }
        if (chosen.empty()) chosen.push_back(draw(0, count - 1));
        return chosen;
    };
    for (int i = 0; i < 4; ++i) {
        const auto mode = static_cast<aio::ReturnWhen>(draw(0, 2));
        std::optional<double> timeout;
        if (draw(0, 1) == 0) timeout = draw(0, 6) + 0.25;
        helpers.push_back(aio::create_task(check_wait(world, some(), mode, timeout)));
    }
    for (int i = 0; i < 4; ++i) {
        const int index = draw(0, count - 1);
        const double at = draw(0, 9) + 0.75;
        aio::Task<void> waiter = aio::create_task(shielded(world, index, at));
        helpers.push_back(aio::create_task(cancel_waiter_at(waiter, at)));
        helpers.push_back(waiter);
    }
    helpers.push_back(aio::create_task(check_as_completed(world, some())));
    helpers.push_back(aio::create_task(check_gather_settled(world, draw(0, count - 1), draw(0, count - 1))));
    co_await aio::wait(helpers);
    co_await aio::wait(world.workers);
    for (int i = 0; i < count; ++i) {
        const aio::Task<int>& task = world.workers[static_cast<std::size_t>(i)];
        expect(world, task.done() && outcome_of(task) == expected_outcome(world.fates[static_cast<std::size_t>(i)], i),
               fmt::format("worker {} ends as drawn, shielded or not", i));
    }
    expect(world, aio::get_running_loop().unfinished_tasks() == 1, "only main is left");
    co_return world.broken;
}

}  // namespace

TEST_CASE("wait, as_completed, shield and gather_settled at random keep every rule (100 fixed seeds)") {
    for (unsigned seed = 1; seed <= 100; ++seed) {
        CAPTURE(seed);
        CHECK(aio::run(scenario(seed), {.virtual_time = true}) == std::vector<std::string>{});
    }
}
