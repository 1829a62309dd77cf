// The endless Fibonacci sequence of chapter 01, this time with co_yield: the compiler turns the
// loop into the state machine chapter 01 wrote by hand. Used by the section "generator".
#pragma once

#include <cstdint>

#include "aio/generator.hpp"

namespace coroutines {

// Python:
//     def fibonacci():
//         a, b = 0, 1
//         while True:
//             yield a
//             a, b = b, a + b
inline aio::Generator<std::uint64_t> fibonacci() {
    std::uint64_t a = 0;
    std::uint64_t b = 1;
    for (;;) {
        co_yield a;
        const std::uint64_t next = a + b;  // unsigned: past the 93rd number it wraps, defined
        a = b;
        b = next;
    }
}

}  // namespace coroutines
