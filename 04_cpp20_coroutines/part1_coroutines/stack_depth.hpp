// How deep the stack is right now, for section "coroutine": the frame address of a function
// that is never inlined (g++ and clang++ both have the builtin). Only differences mean anything.
#pragma once

#include <cstddef>
#include <cstdint>

namespace coroutines {

[[gnu::noinline]] inline std::uintptr_t stack_position() noexcept {
    return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
}

// Bytes between two positions; the stack grows down on every platform this course runs on.
inline std::size_t stack_growth(std::uintptr_t top, std::uintptr_t deeper) noexcept {
    return deeper < top ? static_cast<std::size_t>(top - deeper) : 0;
}

}  // namespace coroutines
