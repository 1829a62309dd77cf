// Exercise: monkey-patching, by hand.
//
// gevent.monkey.patch_all() swaps time.sleep for a version that asks "who is calling?":
//   - a green thread: park it on the hub's timer heap and switch to the hub (hub.sleep());
//   - the main stack, outside any green thread: nobody else could run anyway, so block the
//     thread on the clock as time.sleep always did (clock.sleep_for()).
// Write patched_sleep() that way. Code that only ever calls patched_sleep() then runs alone
// or on the hub, unchanged. greenlet::Greenlet::current() tells you who is calling.
// Run its tests: ./course exercise patched_sleep
#pragma once

#include "common/clock.hpp"
#include "common/todo.hpp"
#include "greenlet.hpp"
#include "hub.hpp"

namespace exercises {

inline void patched_sleep([[maybe_unused]] manual_loop::Hub& hub, [[maybe_unused]] common::Clock& clock,
                          [[maybe_unused]] double seconds) {
    // TODO: switch to the hub from a green thread, block the thread otherwise.
    common::todo("patched_sleep()");
}

}  // namespace exercises
