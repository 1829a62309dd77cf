#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/queue.hpp"
#include "common/py_random.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// (item, the time it was put): Python's tuple (i, t).
using Entry = std::pair<std::string, double>;

struct Asyncq {
    common::Context& ctx;
    common::PyRandom random;  // Python's module-level random, seeded like random.seed(444)
    common::PyRandom items;   // instead of os.urandom, which no seed fixes
};

// Python:
//     async def makeitem(size: int = 5) -> str:
//         return os.urandom(size).hex()
aio::Coroutine<std::string> makeitem(Asyncq& program, int size = 5) {
    co_return fmt::format("{:0{}x}", program.items.getrandbits(static_cast<unsigned>(8 * size)), 2 * size);
}

// Python:
//     async def randsleep(caller=None) -> None:
//         i = random.randint(0, 10)
//         if caller:
//             print(f"{caller} sleeping for {i} seconds.")
//         await asyncio.sleep(i)
aio::Coroutine<void> randsleep(Asyncq& program, std::string caller) {
    const std::int64_t i = program.random.randint(0, 10);
    if (!caller.empty()) program.ctx.log.print("{} sleeping for {} seconds.", caller, i);
    const common::ScopedSpan span(program.ctx.timeline, program.ctx.clock, caller, fmt::format("sleep {}", i));
    co_await aio::sleep(static_cast<double>(i));
}

// Python:
//     async def produce(name: int, q: asyncio.Queue) -> None:
//         n = random.randint(0, 10)
//         for _ in it.repeat(None, n):  # Synchronous loop for each single producer
//             await randsleep(caller=f"Producer {name}")
//             i = await makeitem()
//             t = time.perf_counter()
//             await q.put((i, t))
//             print(f"Producer {name} added <{i}> to queue.")
aio::Coroutine<void> produce(Asyncq& program, int name, aio::Queue<Entry>& q) {
    const std::int64_t n = program.random.randint(0, 10);
    for (std::int64_t k = 0; k < n; ++k) {
        co_await randsleep(program, fmt::format("Producer {}", name));
        std::string i = co_await makeitem(program);
        const double t = aio::time();
        program.ctx.timeline.instant(fmt::format("Producer {}", name), "put", t);
        co_await q.put(Entry(i, t));
        program.ctx.log.print("Producer {} added <{}> to queue.", name, i);
    }
}

// Python:
//     async def consume(name: int, q: asyncio.Queue) -> None:
//         while True:
//             await randsleep(caller=f"Consumer {name}")
//             i, t = await q.get()
//             now = time.perf_counter()
//             print(f"Consumer {name} got element <{i}>"
//                   f" in {now-t:0.5f} seconds.")
//             q.task_done()
aio::Coroutine<void> consume(Asyncq& program, int name, aio::Queue<Entry>& q) {
    const std::string lane = fmt::format("Consumer {}", name);
    for (;;) {
        co_await randsleep(program, lane);
        const double asked = aio::time();
        const auto [i, t] = co_await q.get();
        const double now = aio::time();
        program.ctx.timeline.span(lane, "get", asked, now);
        program.ctx.log.print("Consumer {} got element <{}> in {:0.5f} seconds.", name, i, now - t);
        q.task_done();
    }
}

// Python:
//     async def main(nprod: int, ncon: int):
//         q = asyncio.Queue()
//         producers = [asyncio.create_task(produce(n, q)) for n in range(nprod)]
//         consumers = [asyncio.create_task(consume(n, q)) for n in range(ncon)]
//         await asyncio.gather(*producers)
//         await q.join()  # Implicitly awaits consumers, too
//         for c in consumers:
//             c.cancel()
aio::Coroutine<void> asyncq_main(Asyncq& program, AsyncqOptions options) {
    aio::Queue<Entry> q(options.maxsize);
    std::vector<aio::Task<void>> producers;
    std::vector<aio::Task<void>> consumers;
    for (int n = 0; n < options.nprod; ++n) producers.push_back(aio::create_task(produce(program, n, q)));
    for (int n = 0; n < options.ncon; ++n) consumers.push_back(aio::create_task(consume(program, n, q)));
    for (aio::Task<void>& producer : producers) co_await producer;  // gather(*producers)
    co_await q.join();
    for (aio::Task<void>& consumer : consumers) consumer.cancel();
}

}  // namespace

// Python's __main__: random.seed(444), then
//     start = time.perf_counter()
//     asyncio.run(main(**ns.__dict__))
//     elapsed = time.perf_counter() - start
//     print(f"Program completed in {elapsed:0.5f} seconds.")
void asyncq(common::Context& ctx, AsyncqOptions options) {
    Asyncq program{ctx, common::PyRandom(options.seed), common::PyRandom(options.seed)};
    const double start = ctx.clock.now();
    aio::run(asyncq_main(program, options), {.clock = &ctx.clock});
    const double elapsed = ctx.clock.now() - start;
    ctx.log.print("Program completed in {:0.5f} seconds.", elapsed);
}

}  // namespace sections
