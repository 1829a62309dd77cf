// An endless generator: the Fibonacci numbers. Only adapters like take() make a loop over it
// finish. Used by the section "pipeline".
#pragma once

#include <cstdint>
#include <optional>

namespace generators {

// Python:
//     def fibonacci():
//         a, b = 0, 1
//         while True:
//             yield a
//             a, b = b, a + b
class Fibonacci {
public:
    using value_type = std::uint64_t;

    // Python's integers grow for ever; a uint64_t holds F(0) to F(93) and no more, so the
    // generator ends there instead of handing out wrapped-around numbers.
    static constexpr int last_index = 93;

    std::optional<value_type> next() {
        if (index_ > last_index) return std::nullopt;
        const value_type current = a_;
        // Unsigned arithmetic: the sums past F(93) wrap (defined, and never handed out).
        const value_type following = a_ + b_;
        a_ = b_;
        b_ = following;
        ++index_;
        return current;
    }

private:
    // The frame: the two locals a and b, and how far the loop has gone.
    value_type a_ = 0;
    value_type b_ = 1;
    int index_ = 0;
};

inline Fibonacci fibonacci() { return {}; }

}  // namespace generators
