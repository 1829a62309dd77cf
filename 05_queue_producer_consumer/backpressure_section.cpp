#include <algorithm>
#include <cstddef>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/queue.hpp"
#include "sections.hpp"

namespace sections {

namespace {

constexpr int items = 40;
constexpr std::size_t item_bytes = 64 * 1024;
constexpr double produce_every = 0.1;  // the producer makes 10 items a second...
constexpr double consume_each = 0.5;   // ...the consumer handles 2

// Bytes held by every item alive, wherever it is: in the producer's hands, in the queue, in the
// consumer's. Counted by the items themselves, so the peak is exact.
struct Memory {
    std::size_t now = 0;
    std::size_t peak = 0;
};

class Buffer {
public:
    explicit Buffer(Memory& memory) : memory_(&memory), bytes_(item_bytes) { count(+1); }
    Buffer(Buffer&& other) noexcept : memory_(other.memory_), bytes_(std::move(other.bytes_)) {
        other.memory_ = nullptr;
    }
    Buffer& operator=(Buffer&&) = delete;
    Buffer(const Buffer&) = delete;
    Buffer& operator=(const Buffer&) = delete;
    ~Buffer() {
        if (memory_ != nullptr) count(-1);
    }

private:
    void count(int sign) {
        memory_->now = sign > 0 ? memory_->now + bytes_.size() : memory_->now - bytes_.size();
        memory_->peak = std::max(memory_->peak, memory_->now);
    }
    Memory* memory_;
    std::vector<char> bytes_;
};

struct Run {
    common::Context& ctx;
    aio::Queue<Buffer>& queue;
    std::string name;  // "max 0": the timeline's lanes start with it
    Memory memory;
    double produced_at = 0.0;
    double consumed_at = 0.0;
    bool done = false;
};

// Its lane spans from the first item to the last put(): how long the queue let it run.
aio::Coroutine<void> produce(Run& run) {
    const common::ScopedSpan span(run.ctx.timeline, run.ctx.clock, fmt::format("{} producer", run.name),
                                  fmt::format("{} items", items));
    for (int i = 0; i < items; ++i) {
        co_await aio::sleep(produce_every);
        Buffer buffer(run.memory);
        co_await run.queue.put(std::move(buffer));
    }
    run.produced_at = aio::time();
}

aio::Coroutine<void> consume(Run& run) {
    const common::ScopedSpan span(run.ctx.timeline, run.ctx.clock, fmt::format("{} consumer", run.name), "busy");
    for (int i = 0; i < items; ++i) {
        const Buffer buffer = co_await run.queue.get();
        co_await aio::sleep(consume_each);
    }
    run.consumed_at = aio::time();
    run.done = true;
}

// Every 2 s, while the consumer works: the queue's length, as a bar.
aio::Coroutine<void> sample(Run& run) {
    const std::string lane = fmt::format("{} qsize", run.name);
    const double start = aio::time();
    for (;;) {
        co_await aio::sleep(2.0);
        if (run.done) co_return;
        const std::size_t length = run.queue.qsize();
        run.ctx.timeline.span(lane, fmt::format("{}", length), aio::time() - 2.0, aio::time());
        run.ctx.log.print("  {:>2} s  qsize {:>2} {}", aio::time() - start, length, std::string(length, '#'));
    }
}

aio::Coroutine<void> backpressure_run(Run& run) { co_await aio::gather(produce(run), consume(run), sample(run)); }

void run_with(common::Context& ctx, int maxsize) {
    aio::Queue<Buffer> queue(maxsize);
    Run run{ctx, queue, fmt::format("max {}", maxsize), Memory{}};
    ctx.log.plain("Queue(maxsize={}): {} items of {} KiB, made every {} s, handled in {} s each", maxsize, items,
                  item_bytes / 1024, produce_every, consume_each);
    const double start = ctx.clock.now();
    aio::run(backpressure_run(run), {.clock = &ctx.clock});
    ctx.log.plain("  the producer was done after {:.1f} s, the consumer after {:.1f} s", run.produced_at - start,
                  run.consumed_at - start);
    ctx.log.plain("  peak memory held by items: {} KiB ({} items)", run.memory.peak / 1024,
                  run.memory.peak / item_bytes);
}

}  // namespace

void backpressure(common::Context& ctx) {
    run_with(ctx, 0);
    run_with(ctx, 10);
    ctx.log.plain("The bound costs the consumer nothing (it finishes at the same time) and caps the memory:");
    ctx.log.plain("a full queue makes put() wait, so the producer slows down to the consumer's pace.");
}

}  // namespace sections
