// A randomised stress test with fixed seeds: thousands of tasks that sleep, await each other and
// get cancelled. Every task ends exactly once, wake-ups come by deadline then by arrival, and
// nothing outlives the loop.
#include "course_test.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <random>
#include <utility>
#include <vector>

#include "aio/aio.hpp"

namespace {

struct World {
    std::vector<int> ended;                     // per task: how many times it ended
    std::vector<std::pair<double, int>> wakes;  // (time, task) as the tasks woke
    std::vector<aio::Task<void>> tasks;
    int live_frames = 0;
};

// Counts the frame's life: constructed when the body starts, destroyed however it ends.
class Alive {
public:
    Alive(World& world, int id) : world_(world), id_(id) { ++world_.live_frames; }
    Alive(const Alive&) = delete;
    Alive& operator=(const Alive&) = delete;
    ~Alive() {
        --world_.live_frames;
        if (id_ >= 0) ++world_.ended[static_cast<std::size_t>(id_)];  // -1: a helper frame, not a task
    }

private:
    World& world_;
    int id_;
};

aio::Coroutine<void> worker(World& world, int id, double delay, int await_index) {
    const Alive alive(world, id);
    co_await aio::sleep(delay);
    world.wakes.emplace_back(aio::time(), id);
    if (await_index >= 0) {
        aio::Task<void> other = world.tasks[static_cast<std::size_t>(await_index)];
        try {
            co_await other;
        } catch (const aio::CancelledError&) {
            // the awaited task was cancelled: fine, unless we are the one cancelled
            if (!other.cancelled()) throw;
        }
    }
}

aio::Coroutine<void> canceller(World& world, std::uint32_t seed, int count) {
    std::mt19937 random(seed);
    for (int round = 0; round < 20; ++round) {
        co_await aio::sleep(static_cast<double>(random() % 4) * 0.25);
        for (int k = 0; k < count / 40; ++k) world.tasks[random() % static_cast<std::uint32_t>(count)].cancel();
    }
}

aio::Coroutine<void> scenario(World& world, std::uint32_t seed, int count) {
    std::mt19937 random(seed);
    world.ended.assign(static_cast<std::size_t>(count), 0);
    for (int id = 0; id < count; ++id) {
        const double delay = static_cast<double>(random() % 21) * 0.25;  // 0 .. 5 s, many ties
        const int await_index =
            id > 0 && random() % 3 == 0 ? static_cast<int>(random() % static_cast<std::uint32_t>(id)) : -1;
        world.tasks.push_back(aio::create_task(worker(world, id, delay, await_index)));
    }
    aio::Task<void> cancels = aio::create_task(canceller(world, seed + 1, count));
    for (aio::Task<void>& task : world.tasks) {
        try {
            co_await task;
        } catch (const aio::CancelledError&) {}
    }
    co_await cancels;
}

}  // namespace

TEST_CASE("stress: random sleeps, awaits and cancels, each task ends once, wake-ups by deadline then arrival") {
    for (const std::uint32_t seed : {1u, 2u, 3u}) {
        CAPTURE(seed);
        const int count = 3000;
        World world;
        {
            aio::EventLoop loop({.virtual_time = true});
            loop.run_until_complete(scenario(world, seed, count));
            CHECK(loop.unfinished_tasks() == 0);
            // Every task has finished, each exactly once, and cancellations did happen.
            const auto cancelled = std::count_if(world.tasks.begin(), world.tasks.end(),
                                                 [](const aio::Task<void>& task) { return task.cancelled(); });
            CHECK(cancelled > 0);
            CHECK(cancelled < count);
            for (const aio::Task<void>& task : world.tasks) CHECK(task.done());
        }
        CHECK(std::all_of(world.ended.begin(), world.ended.end(), [](int ends) { return ends == 1; }));
        CHECK(world.live_frames == 0);
        // All sleeps began at 0 in creation order: wake-ups must be sorted by (time, id).
        CHECK(std::is_sorted(world.wakes.begin(), world.wakes.end()));
        CHECK(world.wakes.size() + static_cast<std::size_t>(
                                       std::count_if(world.tasks.begin(), world.tasks.end(),
                                                     [](const aio::Task<void>& task) { return task.cancelled(); })) >=
              static_cast<std::size_t>(count));
    }
}

TEST_CASE("stress: a loop destroyed halfway through leaves no frame alive") {
    World world;
    {
        aio::EventLoop loop({.virtual_time = true});
        loop.call_later(2.0, [&loop] { loop.stop(); });
        const int count = 2000;
        world.ended.assign(static_cast<std::size_t>(count), 0);
        std::mt19937 random(9);
        for (int id = 0; id < count; ++id) {
            const double delay = static_cast<double>(random() % 21) * 0.25;
            const int await_index =
                id > 0 && random() % 2 == 0 ? static_cast<int>(random() % static_cast<std::uint32_t>(id)) : -1;
            world.tasks.push_back(loop.create_task(worker(world, id, delay, await_index)));
        }
        loop.run_forever();
        CHECK(world.live_frames > 0);
        world.tasks.clear();  // the loop now holds the only references to unfinished tasks
    }
    CHECK(world.live_frames == 0);
    CHECK(std::all_of(world.ended.begin(), world.ended.end(), [](int ends) { return ends == 1; }));
}

// ---- cancellation stress: every kind of task, cancelled at random, outcome as asyncio gives it ----

namespace {

enum class Kind { plain, self_cancel, stubborn, wait_for, gather };

// One task's plan. Times sit on separate dyadic grids, so no two events tie: the tasks' own
// sleeps on multiples of 1/4, cancels on odd multiples of 1/8, second phases on odd 1/16ths,
// wait_for deadlines on odd 1/32nds.
struct Plan {
    Kind kind = Kind::plain;
    double first = 0.0;            // plain, self_cancel, stubborn: the first sleep; wait_for: the work
    double second = 0.0;           // stubborn: the sleep after a caught cancel; wait_for: the deadline
    std::vector<double> children;  // gather: each child's sleep
    std::vector<double> cancels;   // when someone cancels it (a repeated time: a double cancel)
};

aio::Coroutine<int> child_sleep(World& world, double seconds) {
    const Alive alive(world, -1);
    co_await aio::sleep(seconds);
    co_return 1;
}

aio::Coroutine<int> planned(World& world, int id, const Plan& plan, aio::Task<int>& self) {
    const Alive alive(world, id);
    switch (plan.kind) {
        case Kind::plain:
            co_await aio::sleep(plan.first);
            break;
        case Kind::self_cancel:
            co_await aio::sleep(plan.first);
            self.cancel();
            break;
        case Kind::stubborn:
            try {
                co_await aio::sleep(plan.first);
            } catch (const aio::CancelledError&) {  // the first cancellation is caught, once
            }
            co_await aio::sleep(plan.second);
            break;
        case Kind::wait_for: {
            const int value = co_await aio::wait_for(child_sleep(world, plan.first), plan.second);
            co_return value;
        }
        case Kind::gather: {
            std::vector<aio::Coroutine<int>> children;
            for (const double seconds : plan.children) children.push_back(child_sleep(world, seconds));
            const std::vector<int> values = co_await aio::gather(std::move(children));
            co_return static_cast<int>(values.size());
        }
    }
    co_return 1;
}

// What asyncio gives for a plan: "cancelled", "timeout", or the value.
std::string expected_outcome(const Plan& plan) {
    std::vector<double> cancels = plan.cancels;
    std::sort(cancels.begin(), cancels.end());
    cancels.erase(std::unique(cancels.begin(), cancels.end()), cancels.end());  // twice at once: once
    const auto cancelled_before = [&](double end) { return !cancels.empty() && cancels.front() < end; };
    switch (plan.kind) {
        case Kind::plain:
            return cancelled_before(plan.first) ? "cancelled" : "1";
        case Kind::self_cancel:
            return "cancelled";
        case Kind::stubborn: {
            double phase_two = plan.first;
            std::size_t next = 0;
            if (cancelled_before(plan.first)) {
                phase_two = cancels.front();
                next = 1;
            }
            for (; next < cancels.size(); ++next) {
                if (cancels[next] > phase_two && cancels[next] < phase_two + plan.second) return "cancelled";
            }
            return "1";
        }
        case Kind::wait_for: {
            const double end = std::min(plan.first, plan.second);
            if (cancelled_before(end)) return "cancelled";
            return plan.first < plan.second ? "1" : "timeout";
        }
        case Kind::gather: {
            const double end = *std::max_element(plan.children.begin(), plan.children.end());
            return cancelled_before(end) ? "cancelled" : std::to_string(plan.children.size());
        }
    }
    return "?";
}

struct CancelAt {
    double time;
    int task;
};

aio::Coroutine<void> cancel_on_schedule(std::vector<CancelAt> schedule, std::vector<aio::Task<int>>& tasks) {
    std::sort(schedule.begin(), schedule.end(), [](const CancelAt& a, const CancelAt& b) {
        return a.time != b.time ? a.time < b.time : a.task < b.task;
    });
    for (const CancelAt& cancel : schedule) {
        if (cancel.time > aio::time()) co_await aio::sleep(cancel.time - aio::time());
        tasks[static_cast<std::size_t>(cancel.task)].cancel();
    }
}

aio::Coroutine<std::vector<std::string>> run_plans(World& world, const std::vector<Plan>& plans) {
    std::vector<aio::Task<int>> tasks(plans.size());
    std::vector<CancelAt> schedule;
    for (std::size_t id = 0; id < plans.size(); ++id) {
        tasks[id] = aio::create_task(planned(world, static_cast<int>(id), plans[id], tasks[id]));
        for (const double time : plans[id].cancels) schedule.push_back({time, static_cast<int>(id)});
    }
    aio::Task<void> canceller = aio::create_task(cancel_on_schedule(std::move(schedule), tasks));
    std::vector<std::string> outcomes;
    for (aio::Task<int>& task : tasks) {
        try {
            const int value = co_await task;
            outcomes.push_back(std::to_string(value));
        } catch (const aio::CancelledError&) {
            outcomes.emplace_back("cancelled");
        } catch (const aio::TimeoutError&) {
            outcomes.emplace_back("timeout");
        }
    }
    co_await canceller;
    co_return outcomes;
}

std::vector<Plan> random_plans(std::uint32_t seed, int count) {
    std::mt19937 random(seed);
    const auto quarter = [&random](int most) {
        return 0.25 * static_cast<double>(1 + random() % static_cast<unsigned>(most));
    };
    const auto odd = [&random](int most, double unit) {
        return unit * static_cast<double>(2 * (random() % static_cast<unsigned>(most)) + 1);
    };
    std::vector<Plan> plans(static_cast<std::size_t>(count));
    for (Plan& plan : plans) {
        plan.kind = static_cast<Kind>(random() % 5);
        plan.first = quarter(16);
        plan.second = plan.kind == Kind::wait_for ? odd(64, 1.0 / 32) : odd(32, 1.0 / 16);
        if (plan.kind == Kind::gather) {
            const unsigned children = 1 + random() % 4;
            for (unsigned k = 0; k < children; ++k) plan.children.push_back(quarter(16));
        }
        const unsigned cancels = random() % 4;  // 0 to 3 cancels, sometimes two at once
        for (unsigned k = 0; k < cancels; ++k) {
            plan.cancels.push_back(odd(40, 1.0 / 8));
            if (random() % 4 == 0) plan.cancels.push_back(plan.cancels.back());
        }
    }
    return plans;
}

}  // namespace

TEST_CASE(
    "stress: cancels, double cancels, self-cancels, wait_for and gather end as asyncio ends them, frames all freed") {
    for (const std::uint32_t seed : {11u, 12u, 13u}) {
        CAPTURE(seed);
        const int count = 2000;
        const std::vector<Plan> plans = random_plans(seed, count);
        World world;
        world.ended.assign(static_cast<std::size_t>(count), 0);
        std::vector<std::string> outcomes;
        {
            aio::EventLoop loop({.virtual_time = true});
            outcomes = loop.run_until_complete(run_plans(world, plans));
            CHECK(loop.unfinished_tasks() == 0);
            CHECK(loop.pending_timers() == 0);
        }
        REQUIRE(outcomes.size() == plans.size());
        int mismatches = 0;
        std::map<std::string, int> tally;
        for (std::size_t id = 0; id < plans.size(); ++id) {
            ++tally[outcomes[id]];
            if (outcomes[id] != expected_outcome(plans[id])) ++mismatches;
        }
        CHECK(mismatches == 0);
        CHECK(tally["cancelled"] > count / 10);  // every outcome occurs, often
        CHECK(tally["timeout"] > count / 50);
        CHECK(tally["1"] > count / 10);
        CHECK(world.live_frames == 0);
        CHECK(std::all_of(world.ended.begin(), world.ended.end(), [](int ends) { return ends == 1; }));
    }
}
