// Exercise: gather for exactly two coroutines, returning both results as a pair.
//
// Python:
//     async def gather_two(a, b):
//         task_a = asyncio.create_task(a)
//         task_b = asyncio.create_task(b)
//         return (await task_a, await task_b)
//
// Both run at the same time, so gather_two(sleep 1 s, sleep 2 s) takes 2 s, not 3 s.
// Like aio::gather, it must never leave a child running behind it:
// - If a child fails, wait for the other to finish too, then throw. If both fail, a's exception
//   wins, in argument order, even when b failed first. (aio::gather throws the first in time;
//   argument order needs no clock and reads straight off the code.)
// - Cancelling gather_two cancels both children, waits until both have stopped, and then ends
//   cancelled itself: CancelledError comes out of it, as out of a cancelled aio::gather.
// Run its tests: ./course exercise gather_two
#pragma once

#include <utility>

#include "aio/aio.hpp"
#include "common/todo.hpp"

namespace exercises {

template <class A, class B>
aio::Coroutine<std::pair<A, B>> gather_two(aio::Coroutine<A> a, aio::Coroutine<B> b) {
    // TODO: start both as tasks, wait for both, return {result of a, result of b}.
    (void)a;
    (void)b;
    common::todo("gather_two(a, b)");
    co_return std::pair<A, B>{};
}

}  // namespace exercises
