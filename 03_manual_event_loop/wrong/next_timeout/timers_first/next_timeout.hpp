// Wrong: with no timer it says there is nothing to wait for even when tasks are ready.
// Solution: how long may the loop sleep before its next turn?
#pragma once

#include <algorithm>
#include <cstddef>
#include <optional>

namespace exercises {

inline std::optional<double> next_timeout(std::size_t ready, std::optional<double> earliest, double now) {
    if (!earliest) return std::nullopt;
    if (ready > 0) return 0.0;
    // A deadline already passed (the loop was busy) means "go on at once", not "sleep backwards".
    return std::max(0.0, *earliest - now);
}

}  // namespace exercises
