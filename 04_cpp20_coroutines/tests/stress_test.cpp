// A randomised stress test with fixed seeds: thousands of tasks that sleep, await each other and
// get cancelled. Every task ends exactly once, wake-ups come by deadline then by arrival, and
// nothing outlives the loop.
#include "course_test.hpp"

#include <algorithm>
#include <cstdint>
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
        ++world_.ended[static_cast<std::size_t>(id_)];
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

TEST_CASE("stress: random sleeps, awaits and cancels; each task ends once, wake-ups by deadline then arrival") {
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
