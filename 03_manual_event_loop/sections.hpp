// The lesson's sections, one function each, registered by main.cpp.
#pragma once

#include "common/lesson.hpp"

namespace sections {

void sequential(common::Context& ctx);
void polling(common::Context& ctx);
void generators(common::Context& ctx);
void timer_heap(common::Context& ctx);
void chess_sync(common::Context& ctx);
void chess_async(common::Context& ctx);
void hub(common::Context& ctx);
void hub_unpatched(common::Context& ctx);

}  // namespace sections
