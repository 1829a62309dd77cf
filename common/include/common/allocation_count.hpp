// How many times the process has allocated with operator new so far (04_bench and 05_bench
// count allocations per round trip and per item). Link course_allocation_count: its
// allocation_count.cpp replaces the global operator new to count.
#pragma once

#include <cstddef>

std::size_t allocations_so_far() noexcept;
