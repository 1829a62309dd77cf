// Wrong: one future shared by every waiter: cancelling one waiter cancels it for all of them.
// Solution: an Event, built on aio::Future<void>.
#pragma once

#include "aio/aio.hpp"

namespace exercises {

class Event {
public:
    // The future copy keeps the shared state alive while this coroutine waits on it.
    aio::Coroutine<void> wait() {
        const aio::Future<void> set_once = set_;
        co_await set_once;
    }
    // A future can be set only once: the second set() must not try again.
    void set() {
        if (!set_.done()) set_.set_result();
    }
    [[nodiscard]] bool is_set() const { return set_.done(); }

private:
    aio::Future<void> set_;
};

}  // namespace exercises
