#include "running_total.hpp"
#include "caller_turns.hpp"
#include "sections.hpp"

namespace sections {

void send(common::Context& ctx) {
    auto& log = ctx.log;
    common::Turns turns(ctx.timeline);  // the caller and the body take turns
    log.print("gen = running_total(3)   # nothing of the body runs yet");
    coroutines::RunningTotal gen(3, log);
    log.print("next(gen)                # primes it: runs the body to its first yield");
    log.print("  -> {}", *coroutines::next_drawn(turns, "running_total", gen));
    log.print("gen.send(10)             # the paused yield evaluates to 10");
    log.print("  -> {}", *coroutines::send_drawn(turns, "running_total", gen, 10));
    log.print("gen.send(5)");
    log.print("  -> {}", *coroutines::send_drawn(turns, "running_total", gen, 5));
    log.print("next(gen)                # next() is send(None)");
    const std::optional<int> last = coroutines::next_drawn(turns, "running_total", gen);
    log.print("  -> {}: the body returned c = {} (Python: StopIteration(15))", last ? "a value" : "nullopt",
              gen.total());
}

}  // namespace sections
