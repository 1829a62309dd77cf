#include "common/duration.hpp"

#include <cmath>

#include <fmt/format.h>

namespace common {

namespace {
// Up to three significant digits, without trailing zeros: 1.5, 12, 0.25.
std::string number(double value) {
    std::string text = fmt::format("{:.3f}", value);
    while (text.back() == '0') text.pop_back();
    if (text.back() == '.') text.pop_back();
    return text;
}
}  // namespace

std::string format_duration(double seconds) {
    const double magnitude = std::fabs(seconds);
    if (magnitude == 0.0) return "0 s";
    if (magnitude < 1e-6) return number(seconds * 1e9) + " ns";
    if (magnitude < 1e-3) return number(seconds * 1e6) + " us";
    if (magnitude < 1.0) return number(seconds * 1e3) + " ms";
    if (magnitude < 60.0) return number(seconds) + " s";
    if (magnitude < 3600.0) return number(seconds / 60.0) + " min";
    // Hours: whole ones as "12 h"; others on a clock face, "1:00:55", not "1.015 h".
    if (std::fmod(magnitude, 3600.0) == 0.0) return number(seconds / 3600.0) + " h";
    const auto total = static_cast<long long>(std::llround(magnitude));
    return fmt::format("{}{}:{:02}:{:02}", seconds < 0 ? "-" : "", total / 3600, total / 60 % 60, total % 60);
}

}  // namespace common
