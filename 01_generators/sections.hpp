// The lesson's sections, one function each, registered by main.cpp.
#pragma once

#include <cstdint>

#include "common/lesson.hpp"

namespace sections {

// How many squares the section "eager" makes (the chapter flag -n/--count).
inline constexpr std::int64_t default_count = 10'000'000;

void eager(common::Context& ctx, std::int64_t count);
void first_value(common::Context& ctx);
void counter(common::Context& ctx);
void range_for(common::Context& ctx);
void pipeline(common::Context& ctx);
void tatham(common::Context& ctx);

}  // namespace sections
