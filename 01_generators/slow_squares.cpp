#include "slow_squares.hpp"

#include <fmt/format.h>

namespace generators {

std::int64_t make_slow_square(std::int64_t i, double cost, common::Context& ctx) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "source", fmt::format("make {}", i * i));
    ctx.clock.sleep_for(cost);
    ctx.log.print("  source: made {}", i * i);
    return i * i;
}

std::vector<std::int64_t> slow_squares_list(std::int64_t n, double cost, common::Context& ctx) {
    std::vector<std::int64_t> squares;
    for (std::int64_t i = 0; i < n; ++i) squares.push_back(make_slow_square(i, cost, ctx));
    return squares;
}

}  // namespace generators
