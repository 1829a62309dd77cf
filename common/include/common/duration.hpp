// Story-time durations for people: "250 ms", "3 s", "1.5 s", "12 min", "12 h".
#pragma once

#include <string>

namespace common {

std::string format_duration(double seconds);

}  // namespace common
