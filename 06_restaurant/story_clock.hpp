// Story time as a wall clock: the restaurant opens at 12:00:00, and a log line shows the hour
// the way the originals' logging did ("%H:%M:%S").
#pragma once

#include <string>

namespace restaurant {

inline constexpr int opening_hour = 12;

// "12:00:07" for 7.5 s of story time: whole seconds, rounded down like Python's logging.
std::string wall_clock(double story_seconds);

}  // namespace restaurant
