// Exercise: monkey-patching, by hand.
//
// gevent.monkey.patch_all() swaps time.sleep for gevent.sleep, which parks the caller and
// switches to the hub. gevent's hub is a greenlet of its own, so any caller can switch to it.
// Ours runs on the main stack, and only inside joinall() (hub.hpp), so our patched sleep has to
// ask "who is calling?":
//   - a green thread: park it on the hub's timer heap and switch to the hub (hub.sleep());
//   - the main stack: there is no hub to switch to, so block the thread on the clock as
//     time.sleep always did (clock.sleep_for()). Green threads spawned but not yet joined wait
//     meanwhile; in gevent they would run.
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
