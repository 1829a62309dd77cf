// Wrong: a cancelled waiter takes itself off the event's list, even when the event is gone.
// Solution: an Event, built on aio::Future<void>.
#pragma once

#include <algorithm>
#include <vector>

#include "aio/aio.hpp"

namespace exercises {

class Event {
public:
    // asyncio.Event's design: one future per waiter, in a list the event keeps; a waiter that
    // leaves early removes its future, as asyncio's `finally: self._waiters.remove(fut)`.
    aio::Coroutine<void> wait() {
        if (set_) co_return;
        aio::Future<void> woken;
        waiters_.push_back(&woken);
        try {
            co_await woken;
        } catch (const aio::CancelledError&) {
            std::erase(waiters_, &woken);
            throw;
        }
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
