// The lesson's sections, one function each, registered by main.cpp.
#pragma once

#include "common/lesson.hpp"

namespace sections {

// 1-3. The restaurant three ways: blocking waiters called in turn, one thread per waiter, one
// asynchronous waiter.
void sync(common::Context& ctx);
void threads(common::Context& ctx, int waiters);
void async(common::Context& ctx);
// 4. Orders on an aio::Queue, `waiters` waiter tasks, a kitchen of `cooks` cooks (0: no limit).
void queue(common::Context& ctx, int waiters, int cooks);
// 5. A lost update between two threads, and two fixes.
void balance(common::Context& ctx, int times);
// 6. The latency numbers at human scale.
void latency(common::Context& ctx);
// 7. The three restaurants side by side, and their summary table.
void finale(common::Context& ctx);

}  // namespace sections
