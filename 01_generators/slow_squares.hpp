// A slow source: every square costs `cost` seconds of story time to make (think of a disk or a
// network behind it). Eager, the caller waits for all of them; lazy, for one. Used by the
// section "first_value".
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/clock.hpp"
#include "common/log.hpp"

namespace generators {

// One item of the slow source: sleeps `cost` on the clock, logs it, returns i * i.
std::int64_t make_slow_square(std::int64_t i, double cost, common::Clock& clock, common::Log& log);

// Python: [slow_square(i) for i in range(n)]
std::vector<std::int64_t> slow_squares_list(std::int64_t n, double cost, common::Clock& clock, common::Log& log);

// Python: (slow_square(i) for i in range(n))
class SlowSquares {
public:
    using value_type = std::int64_t;

    SlowSquares(std::int64_t n, double cost, common::Clock& clock, common::Log& log)
        : n_(n), cost_(cost), clock_(&clock), log_(&log) {}

    std::optional<value_type> next() {
        if (i_ >= n_) return std::nullopt;
        return make_slow_square(i_++, cost_, *clock_, *log_);
    }

private:
    std::int64_t i_ = 0;
    std::int64_t n_;
    double cost_;
    common::Clock* clock_;
    common::Log* log_;
};

}  // namespace generators
