// "10,000,000" instead of "10000000": big numbers in the lesson's tables, grouped by thousands.
// Used by the section "eager".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace generators {

inline std::string thousands(std::uint64_t value) {
    const std::string digits = std::to_string(value);
    std::string grouped;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
        grouped += digits[i];
    }
    return grouped;
}

}  // namespace generators
