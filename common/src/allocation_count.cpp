// The global operator new and delete, replaced to count allocations. In a file of their own:
// g++ 12 warns (mismatched-new-delete) when it sees them inlined next to their callers.
#include "common/allocation_count.hpp"

#include <atomic>
#include <cstdlib>
#include <new>

namespace {
std::atomic<std::size_t> allocations{0};  // a benchmark may allocate from several threads
}  // namespace

std::size_t allocations_so_far() noexcept { return allocations.load(std::memory_order_relaxed); }

void* operator new(std::size_t size) {
    allocations.fetch_add(1, std::memory_order_relaxed);
    if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
    throw std::bad_alloc();
}
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
