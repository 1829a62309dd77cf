// aio::Condition (asyncio.Condition): tasks wait, holding a lock, until another task that holds
// it notifies them that something changed. wait() releases the lock while it waits and takes it
// back before it returns, even when it is cancelled.
#pragma once

#include <coroutine>
#include <cstddef>
#include <stdexcept>
#include <utility>

#include "aio/coroutine.hpp"
#include "aio/errors.hpp"
#include "aio/lock.hpp"
#include "aio/waiting_line.hpp"

namespace aio {

class Condition {
    // Notified, then cancelled in the same turn: the notification goes to the next waiter
    // (Python 3.13 does the same).
    struct PassOn {
        Condition* condition;
        void operator()() const noexcept { condition->waiters_.wake_first(); }
    };

public:
    // A condition with a lock of its own, or sharing `lock` (asyncio.Condition(lock)).
    Condition() : lock_(&own_lock_) {}
    explicit Condition(Lock& lock) : lock_(&lock) {}
    Condition(const Condition&) = delete;
    Condition& operator=(const Condition&) = delete;

    [[nodiscard]] Lock::AcquireAwaiter acquire() noexcept { return lock_->acquire(); }
    [[nodiscard]] Lock::GuardAwaiter guard() noexcept { return lock_->guard(); }
    void release() { lock_->release(); }
    [[nodiscard]] bool locked() const noexcept { return lock_->locked(); }

    // co_await condition.wait(): with the lock held, waits for a notify().
    Coroutine<void> wait() {
        if (!locked()) throw std::logic_error("Condition::wait() without holding the lock (asyncio: RuntimeError)");
        const bool guarded = lock_->guarded_;  // held through a LockGuard: it is again on return
        lock_->hand_over();
        bool cancelled = false;
        try {
            co_await detail::Turn<PassOn>(waiters_, PassOn{this});
        } catch (const CancelledError&) {
            cancelled = true;
        }
        // The lock comes back whatever happened: the caller's `async with` will release it.
        for (bool acquired = false; !acquired;) {
            try {
                co_await lock_->acquire();
                acquired = true;
            } catch (const CancelledError&) {
                cancelled = true;
            }
        }
        lock_->guarded_ = guarded;
        if (cancelled) throw CancelledError{};
    }
    // co_await condition.wait_for(predicate): waits until predicate() is true, and returns it.
    template <class Predicate>
    Coroutine<bool> wait_for(Predicate predicate) {
        while (!predicate()) co_await wait();
        co_return true;
    }

    // Wakes up to n waiters (they run once they have the lock back). Needs the lock held.
    void notify(std::size_t n = 1) {
        if (!locked()) throw std::logic_error("Condition::notify() without holding the lock (asyncio: RuntimeError)");
        for (std::size_t i = 0; i < n && waiters_.wake_first(); ++i) {}
    }
    void notify_all() { notify(waiters_.size()); }

private:
    Lock own_lock_;
    Lock* lock_;
    detail::WaitingLine waiters_;
};

}  // namespace aio
