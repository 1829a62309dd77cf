// The memory a greenlet runs on: an mmap'd block with a guard page below it, so that a
// stack overflow stops at a fault instead of writing over the heap. Used by greenlet.hpp.
#pragma once

#include <cstddef>

namespace greenlet {

class Stack {
public:
    // `size` usable bytes, rounded up to whole pages; throws std::bad_alloc when mmap fails.
    explicit Stack(std::size_t size);
    ~Stack();
    Stack(const Stack&) = delete;
    Stack& operator=(const Stack&) = delete;

    // The lowest usable address: stacks grow down, from bottom() + size() towards it.
    [[nodiscard]] void* bottom() const noexcept { return usable_; }
    [[nodiscard]] std::size_t size() const noexcept { return size_; }

    // The guard page below every stack: reserved address space too, but never readable.
    [[nodiscard]] static std::size_t guard_size() noexcept;

    // How many stacks are mapped right now, all threads: tests check that none is left behind.
    [[nodiscard]] static std::size_t live_count() noexcept;

private:
    void* mapping_;  // guard page + usable bytes
    void* usable_;
    std::size_t size_;  // usable bytes, without the guard page
};

}  // namespace greenlet
