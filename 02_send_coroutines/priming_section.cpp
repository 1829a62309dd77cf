#include "caller_turns.hpp"
#include "running_total.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// Runs one send() that should fail and logs the error the way Python prints it.
void try_send(coroutines::RunningTotal& gen, int value, common::Log& log, common::Turns& turns) {
    log.print("gen.send({})", value);
    try {
        const std::optional<int> yielded = coroutines::send_drawn(turns, "running_total", gen, value);
        log.print("  -> {}", yielded ? "a value" : "nullopt");
    } catch (const coroutines::SendError& error) {
        log.print("  SendError: {}", error.what());
    }
}

}  // namespace

void priming(common::Context& ctx) {
    auto& log = ctx.log;
    common::Turns turns(ctx.timeline);  // the caller's calls, and the body's runs when it gets one
    log.print("gen = running_total(1)");
    coroutines::RunningTotal gen(1, log);
    try_send(gen, 10, log, turns);
    log.print("  (no yield has run yet, so nothing could receive 10: prime with next() first)");
    log.print("next(gen)");
    log.print("  -> {}", *coroutines::next_drawn(turns, "running_total", gen));
    log.print("gen.send(10)");
    const std::optional<int> yielded = coroutines::send_drawn(turns, "running_total", gen, 10);
    log.print("  -> {}", yielded ? "a value" : "nullopt: finished");
    try_send(gen, 7, log, turns);
    log.print("next(gen)");
    log.print("  -> {} (for next(), the end is not an error: it stays nullopt)",
              coroutines::next_drawn(turns, "running_total", gen) ? "a value" : "nullopt");
}

}  // namespace sections
