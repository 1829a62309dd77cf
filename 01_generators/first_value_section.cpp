#include <cstdint>
#include <optional>
#include <vector>

#include "common/duration.hpp"
#include "sections.hpp"
#include "slow_squares.hpp"

namespace sections {

void first_value(common::Context& ctx) {
    auto& log = ctx.log;
    auto& clock = ctx.clock;
    constexpr std::int64_t count = 5;
    constexpr double cost = 0.2;  // story seconds per square

    log.print("eager: items = slow_squares_list({})   # each square takes {} to make", count,
              common::format_duration(cost));
    double asked_at = clock.now();
    const std::vector<std::int64_t> items = generators::slow_squares_list(count, cost, ctx);
    ctx.timeline.span("caller", "eager: waits for the list", asked_at, clock.now());
    log.print("eager: first item {} after {}: you waited for all {}", items.front(),
              common::format_duration(clock.now() - asked_at), count);

    log.print("lazy: gen = slow_squares({}); next(gen)", count);
    asked_at = clock.now();
    generators::SlowSquares gen(count, cost, ctx);
    const std::optional<std::int64_t> first = gen.next();
    ctx.timeline.span("caller", "lazy: waits for one", asked_at, clock.now());
    log.print("lazy: first item {} after {}: you waited for one", *first,
              common::format_duration(clock.now() - asked_at));
    log.print("lazy: stop here and the other {} are never made", count - 1);
}

}  // namespace sections
