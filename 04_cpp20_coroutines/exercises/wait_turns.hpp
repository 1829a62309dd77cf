// Exercise: an awaitable that lets the loop turn `turns` times before the task goes on.
//
// Python:
//     async def wait_turns(turns):
//         for _ in range(turns):
//             await asyncio.sleep(0)
//
// co_await wait_turns(3) resumes the task exactly 3 loop iterations later; wait_turns(0)
// does not suspend at all. Other tasks run in between, in their usual order.
// Run its tests: ./course exercise wait_turns
#pragma once

#include "aio/aio.hpp"
#include "common/todo.hpp"

namespace exercises {

inline aio::Coroutine<void> wait_turns(int turns) {
    // TODO: give the loop `turns` iterations. Which aio call gives it exactly one?
    (void)turns;
    common::todo("wait_turns(turns)");
    co_return;
}

}  // namespace exercises
