// A slow source: every square costs `cost` seconds of story time to make (think of a disk or a
// network behind it). Eager, the caller waits for all of them; lazy, for one. Used by the
// section "first_value".
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/lesson.hpp"

namespace generators {

// One item of the slow source: sleeps `cost` on the context's clock, logs it and draws it on the
// timeline (lane "source"), returns i * i.
std::int64_t make_slow_square(std::int64_t i, double cost, common::Context& ctx);

// Python: [slow_square(i) for i in range(n)]
std::vector<std::int64_t> slow_squares_list(std::int64_t n, double cost, common::Context& ctx);

// Python: (slow_square(i) for i in range(n))
class SlowSquares {
public:
    using value_type = std::int64_t;

    SlowSquares(std::int64_t n, double cost, common::Context& ctx) : n_(n), cost_(cost), ctx_(&ctx) {}

    std::optional<value_type> next() {
        if (i_ >= n_) return std::nullopt;
        return make_slow_square(i_++, cost_, *ctx_);
    }

private:
    std::int64_t i_ = 0;
    std::int64_t n_;
    double cost_;
    common::Context* ctx_;
};

}  // namespace generators
