// Wrong: set() sets every waiter's future, even one that a cancel() has already finished.
// Solution: an Event, built on aio::Future<void>.
#pragma once

#include <vector>

#include "aio/aio.hpp"

namespace exercises {

class Event {
public:
    // One future per waiter, as asyncio.Event keeps: cancelling a task cancels the future it
    // awaits, so a future shared by every waiter would be cancelled for all of them.
    aio::Coroutine<void> wait() {
        if (set_) co_return;
        // A cancelled waiter leaves its future behind, done; drop those before the list grows,
        // so a million cancelled waits do not keep a million futures.
        if (waiters_.size() == waiters_.capacity())
            std::erase_if(waiters_, [](const auto& waiter) { return waiter.done(); });
        // The waiter holds its own copy, which shares the state: while it waits, it no longer
        // depends on the Event object, which may be gone by the time it wakes or is cancelled.
        const aio::Future<void> woken;
        waiters_.push_back(woken);
        co_await woken;
    }
    void set() {
        if (set_) return;  // twice is fine
        set_ = true;
        for (aio::Future<void>& waiter : waiters_) {
            waiter.set_result();
        }
        waiters_.clear();
    }
    [[nodiscard]] bool is_set() const { return set_; }

private:
    bool set_ = false;
    std::vector<aio::Future<void>> waiters_;
};

}  // namespace exercises
