// aio::Lock (asyncio.Lock): one task at a time in a critical section that spans awaits. FIFO
// fair: release() hands the lock straight to the task that has waited longest, so a task
// arriving later cannot overtake it. Section "lock" shows the lost update it prevents.
#pragma once

#include <stdexcept>
#include <utility>

#include "aio/acquire_awaiter.hpp"
#include "aio/waiting_line.hpp"

namespace aio {

class Lock;
class Condition;

// Holds a lock and releases it when it goes out of scope (co_await lock.guard(), Python's
// `async with lock:`). While a guard holds the lock, lock.release() throws instead of freeing
// it: the guard's destructor cannot report an error, so the misuse is refused where it happens.
class LockGuard {
public:
    explicit LockGuard(Lock& lock) noexcept : lock_(&lock) {}
    LockGuard(LockGuard&& other) noexcept : lock_(std::exchange(other.lock_, nullptr)) {}
    LockGuard& operator=(LockGuard&&) = delete;
    LockGuard(const LockGuard&) = delete;
    LockGuard& operator=(const LockGuard&) = delete;
    ~LockGuard() { release(); }

    // Releases the lock now rather than at the end of the scope (std::unique_lock::unlock).
    inline void release() noexcept;

private:
    Lock* lock_;
};

class Lock {
public:
    Lock() = default;
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

    [[nodiscard]] bool locked() const noexcept { return locked_; }

    using AcquireAwaiter = detail::AcquireAwaiter<Lock>;
    class GuardAwaiter : public AcquireAwaiter {
    public:
        using AcquireAwaiter::AcquireAwaiter;
        [[nodiscard]] LockGuard await_resume() {
            AcquireAwaiter::await_resume();
            owner_.guarded_ = true;
            return LockGuard(owner_);
        }
    };

    // co_await lock.acquire(): waits until the lock is free, then holds it.
    [[nodiscard]] AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }
    // co_await lock.guard(): the same, returning a LockGuard that releases it (async with lock:).
    [[nodiscard]] GuardAwaiter guard() noexcept { return GuardAwaiter(*this); }

    // Frees the lock, or hands it to the longest waiter. Releasing a free lock throws, as
    // asyncio's RuntimeError("Lock is not acquired.") does; so does releasing a lock that a
    // LockGuard holds (asyncio raises that RuntimeError at the end of the `async with`).
    void release() {
        if (!locked_) throw std::logic_error("Lock::release() of a lock that is not acquired (asyncio: RuntimeError)");
        if (guarded_) {
            throw std::logic_error(
                "Lock::release() of a lock that a LockGuard holds: the guard releases it (asyncio: RuntimeError)");
        }
        hand_over();
    }

private:
    friend AcquireAwaiter;
    friend LockGuard;
    friend Condition;  // wait() lends the lock out and takes it back, guard and all
    [[nodiscard]] bool try_acquire() noexcept {
        if (locked_) return false;
        locked_ = true;
        return true;
    }
    void hand_over() noexcept {
        guarded_ = false;
        locked_ = waiters_.wake_first();
    }
    [[nodiscard]] detail::WaitingLine& waiters() noexcept { return waiters_; }

    detail::WaitingLine waiters_;
    bool locked_ = false;
    bool guarded_ = false;  // the holder is a LockGuard
};

inline void LockGuard::release() noexcept {
    // Only a guard that acquired the lock exists, and release() refuses to free a guarded lock,
    // so the lock is still this guard's: handing it over cannot fail.
    if (Lock* lock = std::exchange(lock_, nullptr)) lock->hand_over();
}

}  // namespace aio
