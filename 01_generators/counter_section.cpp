#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "counter.hpp"
#include "sections.hpp"
#include "to_vector.hpp"

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

    log.print("gen = count_up_to(4)");
    generators::CountUpTo rest = generators::count_up_to(4, log);
    log.print("next(gen)");
    log.print("  -> {}", *rest.next());
    log.print("list(gen)                # to_vector(gen) drains gen itself, from where it stopped");
    const std::vector<int> items = generators::to_vector(rest);
    log.print("  -> [{}]: the rest, without the 0 that next() took", fmt::join(items, ", "));
}

}  // namespace sections
