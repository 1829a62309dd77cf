#include <optional>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/turns.hpp"
#include "counter.hpp"
#include "sections.hpp"
#include "to_vector.hpp"

namespace sections {

namespace {

// next(gen), logged, and drawn as two turns: the caller's call, then the body's run, labelled with
// what it yielded (labels are short: a turn is a few columns wide).
std::optional<int> shown_next(generators::CountUpTo& gen, common::Context& ctx, common::Turns& turns) {
    turns.run("caller", "next");
    const std::optional<int> x = gen.next();
    turns.run("count_up_to", x ? fmt::format("{}", *x) : std::string("end"));
    if (x) ctx.log.print("  -> {}", *x);
    return x;
}

}  // namespace

void counter(common::Context& ctx) {
    auto& log = ctx.log;
    common::Turns turns(ctx.timeline);  // the caller and the body take turns
    log.print("gen = count_up_to(3)   # nothing of the body runs yet");
    generators::CountUpTo gen = generators::count_up_to(3, log);
    log.print("next(gen)");
    shown_next(gen, ctx, turns);
    log.print("next(gen)");
    shown_next(gen, ctx, turns);
    log.print("for the rest: while (auto x = gen.next())");
    while (shown_next(gen, ctx, turns)) {}
    log.print("exhausted: next() keeps returning nullopt (Python raises StopIteration)");
    log.print("next(gen) -> {}", gen.next().has_value() ? "a value" : "nullopt");
    turns.run("caller", "next");  // the body does not run again: no turn for it

    log.print("gen = count_up_to(4)");
    generators::CountUpTo rest = generators::count_up_to(4, log);
    log.print("next(gen)");
    shown_next(rest, ctx, turns);
    log.print("list(gen)                # to_vector(gen) drains gen itself, from where it stopped");
    turns.run("caller", "list");
    const std::vector<int> items = generators::to_vector(rest);
    turns.run("count_up_to", "1 2 3 end");
    log.print("  -> [{}]: the rest, without the 0 that next() took", fmt::join(items, ", "));
}

}  // namespace sections
