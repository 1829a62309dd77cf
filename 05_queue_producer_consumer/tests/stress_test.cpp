// A randomised stress test with fixed seeds, on virtual time: producers and consumers of random
// counts and speeds share a bounded queue while a canceller cancels consumers in get() and
// producers in put(), and replaces them. Every item put is got exactly once, join() returns the
// turn after the last task_done(), nobody is left waiting, and nothing outlives the loop.
#include "course_test.hpp"

#include <algorithm>
#include <cstdint>
#include <random>
#include <vector>

#include "aio/aio.hpp"
#include "aio/queue.hpp"

namespace {

// An item that counts its live copies: none may be left when the queue and the loop are gone.
class Item {
public:
    explicit Item(int id, int& live) : id_(id), live_(&live) { ++*live_; }
    Item(Item&& other) noexcept : id_(other.id_), live_(other.live_) { ++*live_; }
    Item& operator=(Item&&) = delete;
    Item(const Item&) = delete;
    Item& operator=(const Item&) = delete;
    ~Item() { --*live_; }
    [[nodiscard]] int id() const noexcept { return id_; }

private:
    int id_;
    int* live_;
};

struct World {
    explicit World(std::uint32_t seed) : random(seed) {}
    std::mt19937 random;
    std::vector<int> put;              // ids, as each put() returned
    std::vector<int> got;              // ids, as each get() returned
    std::uint64_t last_done_turn = 0;  // the turn whose task_done() brought unfinished to 0
    int live_items = 0;
    int live_frames = 0;
    std::vector<aio::Task<void>> consumers;
    std::vector<aio::Task<void>> producers;

    double pause() { return static_cast<double>(random() % 3) * 0.5; }
};

class Alive {
public:
    explicit Alive(World& world) : world_(world) { ++world_.live_frames; }
    Alive(const Alive&) = delete;
    Alive& operator=(const Alive&) = delete;
    ~Alive() { --world_.live_frames; }

private:
    World& world_;
};

aio::Coroutine<void> produce(World& world, aio::Queue<Item>& queue, int name, int count) {
    const Alive alive(world);
    for (int i = 0; i < count; ++i) {
        co_await aio::sleep(world.pause());
        const int id = name * 1000 + i;
        co_await queue.put(Item(id, world.live_items));
        world.put.push_back(id);
    }
}

aio::Coroutine<void> consume(World& world, aio::Queue<Item>& queue) {
    const Alive alive(world);
    for (;;) {
        const Item item = co_await queue.get();
        world.got.push_back(item.id());
        queue.task_done();
        if (queue.unfinished_tasks() == 0) world.last_done_turn = aio::get_running_loop().iterations();
        co_await aio::sleep(world.pause());
    }
}

// Cancels random consumers and producers where they wait, and starts new ones in their place.
aio::Coroutine<void> cancel_at_random(World& world, aio::Queue<Item>& queue, int rounds) {
    const Alive alive(world);
    int next_producer = 1000;
    for (int round = 0; round < rounds; ++round) {
        co_await aio::sleep(world.pause());
        aio::Task<void>& consumer = world.consumers[world.random() % world.consumers.size()];
        consumer.cancel();
        consumer = aio::create_task(consume(world, queue));
        if (world.random() % 2 == 0) {
            world.producers[world.random() % world.producers.size()].cancel();
            const int count = static_cast<int>(world.random() % 10);
            world.producers.push_back(aio::create_task(produce(world, queue, next_producer++, count)));
        }
    }
}

struct Outcome {
    std::uint64_t join_turn = 0;
    std::uint64_t last_done_turn = 0;
    std::size_t waiting_getters = 0;
    std::size_t waiting_putters = 0;
    std::size_t unfinished = 0;
    bool join_waited = false;
};

aio::Coroutine<Outcome> stress(World& world, int maxsize, int producers, int consumers) {
    aio::Queue<Item> queue(maxsize);
    for (int n = 0; n < producers; ++n) {
        world.producers.push_back(aio::create_task(produce(world, queue, n, static_cast<int>(world.random() % 40))));
    }
    for (int n = 0; n < consumers; ++n) world.consumers.push_back(aio::create_task(consume(world, queue)));
    co_await cancel_at_random(world, queue, 30);
    for (std::size_t i = 0; i < world.producers.size(); ++i) {  // the canceller may have added some
        try {
            co_await world.producers[i];
        } catch (const aio::CancelledError&) {}
    }
    Outcome outcome;
    outcome.join_waited = queue.unfinished_tasks() > 0;
    co_await queue.join();
    outcome.join_turn = aio::get_running_loop().iterations();
    outcome.last_done_turn = world.last_done_turn;
    outcome.unfinished = queue.unfinished_tasks();
    for (aio::Task<void>& consumer : world.consumers) consumer.cancel();
    co_await aio::sleep(0);
    co_await aio::sleep(0);
    outcome.waiting_getters = queue.waiting_getters();
    outcome.waiting_putters = queue.waiting_putters();
    co_return outcome;
}

}  // namespace

TEST_CASE("stress: every item put is got exactly once, join() returns the turn after the last task_done()") {
    int joins_waited = 0;
    for (const std::uint32_t seed : {1U, 2U, 3U, 4U, 5U, 6U, 7U, 8U}) {
        CAPTURE(seed);
        World world(seed);
        const int maxsize = static_cast<int>(seed % 4) * 3;  // 0 (unbounded), 3, 6, 9
        const int producers = 5 + static_cast<int>(seed * 7 % 20);
        const int consumers = 1 + static_cast<int>(seed * 5 % 20);
        const Outcome outcome = aio::run(stress(world, maxsize, producers, consumers), {.virtual_time = true});
        std::vector<int> put = world.put;
        std::vector<int> got = world.got;
        std::sort(put.begin(), put.end());
        std::sort(got.begin(), got.end());
        CHECK(put.size() > 90);
        CHECK(got == put);  // the same multiset: nothing lost, nothing got twice
        CHECK(outcome.unfinished == 0);
        // join() either had nothing to wait for, or returned the turn after the last task_done().
        if (outcome.join_waited) {
            CHECK(outcome.join_turn == outcome.last_done_turn + 1);
        } else {
            CHECK(outcome.join_turn >= outcome.last_done_turn);
        }
        joins_waited += outcome.join_waited ? 1 : 0;
        CHECK(outcome.waiting_getters == 0);
        CHECK(outcome.waiting_putters == 0);
        world.consumers.clear();
        world.producers.clear();
        CHECK(world.live_frames == 0);
        CHECK(world.live_items == 0);
    }
    CHECK(joins_waited >= 2);  // both paths of join() were taken
}
