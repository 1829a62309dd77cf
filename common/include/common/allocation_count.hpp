// How many times the process has allocated with operator new so far (05_bench counts
// allocations per item). allocation_count.cpp replaces the global operator new to count.
#pragma once

#include <cstddef>

std::size_t allocations_so_far() noexcept;
