// What the process really spends: CPU time (03: busy polling vs a timer heap) and resident
// memory (01: eager vs lazy, 04: bytes per task). Measured by the kernel, never guessed.
#pragma once

#include <cstddef>

namespace common {

// CPU seconds this process has used so far, all threads, user + system.
double process_cpu_seconds();
// Resident set size now, and the peak so far, in bytes.
std::size_t current_rss_bytes();
std::size_t peak_rss_bytes();

}  // namespace common
