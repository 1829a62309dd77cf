// Wrong: a deadline already passed gives a negative timeout.
// Solution: how long may the loop sleep before its next turn?
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>

namespace exercises {

inline std::optional<double> next_timeout(std::size_t ready, std::optional<double> earliest, double now) {
    if (ready > 0) return 0.0;
    if (!earliest) return std::nullopt;
    // A deadline already passed (the loop was busy) means "go on at once", not "sleep backwards".
    return *earliest - now;
}

}  // namespace exercises
