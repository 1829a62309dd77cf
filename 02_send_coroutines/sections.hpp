// The lesson's sections, one function each, registered by main.cpp.
#pragma once

#include "common/lesson.hpp"

namespace sections {

void greenlet_switch(common::Context& ctx);

}  // namespace sections
