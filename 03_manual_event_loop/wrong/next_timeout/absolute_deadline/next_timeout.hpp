// Wrong: returns the deadline itself, which is a timeout only at t = 0.
// Solution: how long may the loop sleep before its next turn?
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>

namespace exercises {

inline std::optional<double> next_timeout(std::size_t ready, std::optional<double> earliest,
                                          [[maybe_unused]] double now) {
    if (ready > 0) return 0.0;
    if (!earliest) return std::nullopt;
    // A deadline already passed (the loop was busy) means "go on at once", not "sleep backwards".
    return std::max(0.0, *earliest);
}

}  // namespace exercises
