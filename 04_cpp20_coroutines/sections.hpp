// The lesson's sections, one function each, registered by main.cpp.
#pragma once

#include "common/lesson.hpp"

namespace sections {

// 1. co_yield: Fibonacci | take(10), and what the compiler's frame holds.
void generator(common::Context& ctx);
// 2. A traced coroutine: every call the compiler inserts around co_await, in order.
void anatomy(common::Context& ctx);

}  // namespace sections
