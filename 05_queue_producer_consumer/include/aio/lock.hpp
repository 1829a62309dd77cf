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

// Holds a lock and releases it when it goes out of scope (co_await lock.guard()).
class LockGuard {
public:
    explicit LockGuard(Lock& lock) noexcept : lock_(&lock) {}
    LockGuard(LockGuard&& other) noexcept : lock_(std::exchange(other.lock_, nullptr)) {}
    LockGuard& operator=(LockGuard&&) = delete;
    LockGuard(const LockGuard&) = delete;
    LockGuard& operator=(const LockGuard&) = delete;
    inline ~LockGuard();

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
            return LockGuard(owner_);
        }
    };

    // co_await lock.acquire(): waits until the lock is free, then holds it.
    [[nodiscard]] AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }
    // co_await lock.guard(): the same, returning a LockGuard that releases it (async with lock:).
    [[nodiscard]] GuardAwaiter guard() noexcept { return GuardAwaiter(*this); }

    // Frees the lock, or hands it to the longest waiter. Releasing a free lock throws
    // (asyncio: RuntimeError).
    void release() {
        if (!locked_) throw std::logic_error("Lock::release() of a lock that is not acquired (asyncio: RuntimeError)");
        hand_over();
    }

private:
    friend AcquireAwaiter;
    [[nodiscard]] bool try_acquire() noexcept {
        if (locked_) return false;
        locked_ = true;
        return true;
    }
    void hand_over() noexcept { locked_ = waiters_.wake_first(); }
    [[nodiscard]] detail::WaitingLine& waiters() noexcept { return waiters_; }

    detail::WaitingLine waiters_;
    bool locked_ = false;
};

inline LockGuard::~LockGuard() {
    if (lock_ != nullptr) lock_->release();
}

}  // namespace aio
