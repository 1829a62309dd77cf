// The lesson's sections, one function each, registered by main.cpp.
#pragma once

#include "common/lesson.hpp"

namespace sections {

void send(common::Context& ctx);
void mycoro(common::Context& ctx);
void priming(common::Context& ctx);
void pipeline(common::Context& ctx);
void round_robin(common::Context& ctx);
void greenlet_switch(common::Context& ctx);
void greenlet_error(common::Context& ctx);
void memory(common::Context& ctx);

}  // namespace sections
