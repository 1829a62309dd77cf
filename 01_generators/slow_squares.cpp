#include "slow_squares.hpp"

namespace generators {

std::int64_t make_slow_square(std::int64_t i, double cost, common::Clock& clock, common::Log& log) {
    clock.sleep_for(cost);
    log.print("  source: made {}", i * i);
    return i * i;
}

std::vector<std::int64_t> slow_squares_list(std::int64_t n, double cost, common::Clock& clock, common::Log& log) {
    std::vector<std::int64_t> squares;
    for (std::int64_t i = 0; i < n; ++i) squares.push_back(make_slow_square(i, cost, clock, log));
    return squares;
}

}  // namespace generators
