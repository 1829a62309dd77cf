// Exercise: run a piece of work only while holding a Semaphore's permit: the way to cap
// concurrent downloads at N.
//
// Python:
//     async def limited(semaphore, work):
//         async with semaphore:
//             return await work
//
// The permit must come back however the work ends: normally, with an exception, or cancelled.
// Run its tests: ./course exercise limited
#pragma once

#include "aio/aio.hpp"
#include "aio/semaphore.hpp"
#include "common/todo.hpp"

namespace exercises {

inline aio::Coroutine<void> limited(aio::Semaphore& semaphore, aio::Coroutine<void> work) {
    // TODO: acquire a permit, await the work, give the permit back (always).
    (void)semaphore;
    (void)work;
    common::todo("limited(semaphore, work)");
    co_return;
}

}  // namespace exercises
