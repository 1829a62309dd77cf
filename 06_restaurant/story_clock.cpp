#include "story_clock.hpp"

#include <cmath>

#include <fmt/format.h>

namespace restaurant {

std::string wall_clock(double story_seconds) {
    if (!(story_seconds >= 0.0 && story_seconds < 1e15)) return "--:--:--";  // no clock shows that
    // Rounded to the millisecond first: 36.999999999 s of summed doubles still reads 00:00:37.
    const auto seconds = static_cast<long long>(std::floor(std::round(story_seconds * 1000.0) / 1000.0));
    const long long of_day = (opening_hour * 3600LL + seconds) % 86'400;
    return fmt::format("{:02}:{:02}:{:02}", of_day / 3600, of_day / 60 % 60, of_day % 60);
}

}  // namespace restaurant
