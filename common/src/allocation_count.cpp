// The global operator new and delete, replaced to count allocations. In a file of their own:
// g++ 12 warns (mismatched-new-delete) when it sees them inlined next to their callers.
#include "allocation_count.hpp"

#include <cstdlib>
#include <new>

namespace {
std::size_t allocations = 0;  // the benchmark is single-threaded
}  // namespace

std::size_t allocations_so_far() noexcept { return allocations; }

void* operator new(std::size_t size) {
    ++allocations;
    if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
    throw std::bad_alloc();
}
void operator delete(void* memory) noexcept { std::free(memory); }
void operator delete(void* memory, std::size_t) noexcept { std::free(memory); }
