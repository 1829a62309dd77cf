#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "common/turns.hpp"
#include "counter.hpp"
#include "sections.hpp"
#include "to_vector.hpp"

namespace sections {

void counter(common::Context& ctx) {
    auto& log = ctx.log;
    // The timeline: the caller and the body take turns; each next() hands control over and back.
    // Labels are short: a turn is a few columns wide. The body's label is what it yields.
    common::Turns turns(ctx.timeline);
    log.print("gen = count_up_to(3)   # nothing of the body runs yet");
    generators::CountUpTo gen = generators::count_up_to(3, log);
    log.print("next(gen)");
    turns.run("caller", "next");
    const int first = *gen.next();
    turns.run("count_up_to", "0");
    log.print("  -> {}", first);
    log.print("next(gen)");
    turns.run("caller", "next");
    const int second = *gen.next();
    turns.run("count_up_to", "1");
    log.print("  -> {}", second);
    log.print("for the rest: while (auto x = gen.next())");
    turns.run("caller", "next");
    while (const std::optional<int> x = gen.next()) {
        turns.run("count_up_to", fmt::format("{}", *x));
        log.print("  -> {}", *x);
        turns.run("caller", "next");
    }
    turns.run("count_up_to", "end");
    log.print("exhausted: next() keeps returning nullopt (Python raises StopIteration)");
    log.print("next(gen) -> {}", gen.next().has_value() ? "a value" : "nullopt");
    turns.run("caller", "next");

    log.print("gen = count_up_to(4)");
    generators::CountUpTo rest = generators::count_up_to(4, log);
    log.print("next(gen)");
    turns.run("caller", "next");
    const int zero = *rest.next();
    turns.run("count_up_to", "0");
    log.print("  -> {}", zero);
    log.print("list(gen)                # to_vector(gen) drains gen itself, from where it stopped");
    turns.run("caller", "list");
    const std::vector<int> items = generators::to_vector(rest);
    turns.run("count_up_to", "1 2 3 end");
    log.print("  -> [{}]: the rest, without the 0 that next() took", fmt::join(items, ", "));
}

}  // namespace sections
