// The Fibonacci numbers of chapter 01, this time with co_yield: the compiler turns the loop into
// the state machine chapter 01 wrote by hand. Used by the section "generator".
#pragma once

#include <cstdint>

#include "aio/generator.hpp"

namespace coroutines {

// A uint64_t holds F(0) to F(93) and no more: like chapter 01, the sequence ends there instead
// of handing out wrapped-around numbers.
inline constexpr int fibonacci_last_index = 93;

// Python:
//     def fibonacci():
//         a, b = 0, 1
//         while True:
//             yield a
//             a, b = b, a + b
inline aio::Generator<std::uint64_t> fibonacci() {
    std::uint64_t a = 0;
    std::uint64_t b = 1;
    for (int index = 0; index <= fibonacci_last_index; ++index) {
        co_yield a;
        const std::uint64_t following = a + b;  // unsigned: the one sum past F(93) wraps, defined
        a = b;
        b = following;
    }
}

}  // namespace coroutines
