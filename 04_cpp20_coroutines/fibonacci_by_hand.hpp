// Chapter 01's Fibonacci written by hand, repeated here so that the section "generator" can put
// its sizeof next to the frame the compiler allocates for the co_yield version.
#pragma once

#include <cstdint>

namespace coroutines {

// The frame is the object: a and b. An endless generator with one yield needs no resume point.
class FibonacciByHand {
public:
    std::uint64_t next() noexcept {
        const std::uint64_t value = a_;
        const std::uint64_t sum = a_ + b_;
        a_ = b_;
        b_ = sum;
        return value;
    }

private:
    std::uint64_t a_ = 0;
    std::uint64_t b_ = 1;
};

}  // namespace coroutines
