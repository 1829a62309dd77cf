// "10,000,000" instead of "10000000": big numbers in the lesson's tables, grouped by thousands.
// Used by the section "eager".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace generators {

inline std::string thousands(std::uint64_t value) {
    std::string digits = std::to_string(value);
    for (auto at = static_cast<std::ptrdiff_t>(digits.size()) - 3; at > 0; at -= 3)
        digits.insert(static_cast<std::size_t>(at), ",");
    return digits;
}

}  // namespace generators
