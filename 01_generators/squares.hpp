// The same sequence, the squares 0, 1, 4, 9, ..., made two ways: eagerly, as a whole vector, and
// lazily, one item per next(). Used by the section "eager".
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace generators {

// Python: [i * i for i in range(n)]: every item exists before the caller sees the first one.
std::vector<std::int64_t> squares_list(std::int64_t n);

// Python: (i * i for i in range(n)): the only things that exist are i and n.
class Squares {
public:
    using value_type = std::int64_t;

    explicit Squares(std::int64_t n) : n_(n) {}

    std::optional<value_type> next() {
        if (i_ >= n_) return std::nullopt;
        const value_type square = i_ * i_;
        ++i_;
        return square;
    }

private:
    std::int64_t i_ = 0;
    std::int64_t n_;
};

}  // namespace generators
