// Wrong: each waiter parks a future of its own in the event's list, and a cancelled one stays there.
// Solution: an Event, built on aio::Future<void>.
#pragma once

#include <vector>

#include "aio/aio.hpp"

namespace exercises {

class Event {
public:
    // asyncio.Event's design: one future per waiter, in a list the event keeps.
    aio::Coroutine<void> wait() {
        if (set_) co_return;
        aio::Future<void> woken;
        waiters_.push_back(&woken);
        co_await woken;
    }
    void set() {
        if (set_) return;
        set_ = true;
        for (aio::Future<void>* waiter : waiters_) waiter->set_result();
        waiters_.clear();
    }
    [[nodiscard]] bool is_set() const { return set_; }

private:
    bool set_ = false;
    std::vector<aio::Future<void>*> waiters_;
};

}  // namespace exercises
