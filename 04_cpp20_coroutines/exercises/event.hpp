// Exercise: an Event, the simplest way for one task to wake others (asyncio.Event).
//
// Python:
//     event = asyncio.Event()
//     await event.wait()    # suspends until someone calls event.set(); at once if it is set
//     event.set()           # wakes every waiter; later wait()s return at once
//     event.is_set()
//
// Build it on aio::Future<void>: a future is an event that can be set once (no clear()).
// A waiter may be cancelled while it waits, and the event may be destroyed while a task waits
// on it: the other waiters, and that task's cancel(), must not notice.
// Run its tests: ./course exercise event
#pragma once

#include "aio/aio.hpp"
#include "common/todo.hpp"

namespace exercises {

class Event {
public:
    // TODO: wait until set() has been called.
    aio::Coroutine<void> wait() {
        common::todo("Event::wait()");
        co_return;
    }
    // TODO: wake every waiter; calling it twice is fine.
    void set() { common::todo("Event::set()"); }
    // TODO: has set() been called?
    [[nodiscard]] bool is_set() const { common::todo("Event::is_set()"); }

private:
    // TODO: what does the event need to remember?
};

}  // namespace exercises
