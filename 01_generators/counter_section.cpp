#include "counter.hpp"
#include "sections.hpp"

namespace sections {

void counter(common::Context& ctx) {
    auto& log = ctx.log;
    log.print("gen = count_up_to(3)   # nothing of the body runs yet");
    generators::CountUpTo gen = generators::count_up_to(3, log);
    log.print("next(gen)");
    log.print("  -> {}", *gen.next());
    log.print("next(gen)");
    log.print("  -> {}", *gen.next());
    log.print("for the rest: while (auto x = gen.next())");
    while (const std::optional<int> x = gen.next()) log.print("  -> {}", *x);
    log.print("exhausted: next() keeps returning nullopt (Python raises StopIteration)");
    log.print("next(gen) -> {}", gen.next().has_value() ? "a value" : "nullopt");
}

}  // namespace sections
