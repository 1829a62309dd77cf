// Chapter 01's Fibonacci generator, written by hand, repeated here so that the section
// "generator" can put its sizeof next to the frame the compiler allocates for the co_yield one.
#pragma once

#include <cstdint>
#include <optional>

#include "fibonacci.hpp"

namespace coroutines {

// The object is the frame: the locals a and b, and how far the loop has gone.
class FibonacciByHand {
public:
    std::optional<std::uint64_t> next() noexcept {
        if (index_ > fibonacci_last_index) return std::nullopt;
        const std::uint64_t current = a_;
        const std::uint64_t following = a_ + b_;
        a_ = b_;
        b_ = following;
        ++index_;
        return current;
    }

private:
    std::uint64_t a_ = 0;
    std::uint64_t b_ = 1;
    int index_ = 0;
};

}  // namespace coroutines
