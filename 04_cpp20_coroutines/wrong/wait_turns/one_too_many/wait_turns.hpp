// Wrong: the loop runs turns + 1 times.
// Solution: an awaitable that lets the loop turn `turns` times before the task goes on.
#pragma once

#include "aio/aio.hpp"

namespace exercises {

// sleep(0) puts the task at the back of the ready queue: exactly one iteration each.
inline aio::Coroutine<void> wait_turns(int turns) {
    for (int i = 0; i <= turns; ++i) co_await aio::sleep(0);
}

}  // namespace exercises
