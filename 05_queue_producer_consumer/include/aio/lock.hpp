// aio::Lock (asyncio.Lock): one task at a time in a critical section that spans awaits. FIFO
// fair: release() hands the lock straight to the task that has waited longest, so a task
// arriving later cannot overtake it. Section "primitives" shows the lost update it prevents.
#pragma once

#include <concepts>
#include <coroutine>
#include <stdexcept>
#include <utility>

#include "aio/promise_base.hpp"
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
    // The owner-to-be was cancelled right after its turn came: the lock goes to the next one.
    struct PassOn {
        Lock* lock;
        void operator()() const noexcept { lock->hand_over(); }
    };

public:
    Lock() = default;
    Lock(const Lock&) = delete;
    Lock& operator=(const Lock&) = delete;

    [[nodiscard]] bool locked() const noexcept { return locked_; }

    class AcquireAwaiter {
    public:
        explicit AcquireAwaiter(Lock& lock) noexcept : lock_(lock), turn_(lock.waiters_, PassOn{&lock}) {}
        [[nodiscard]] bool await_ready() noexcept {
            if (lock_.locked_) return false;
            lock_.locked_ = true;
            return true;
        }
        template <std::derived_from<detail::PromiseBase> Promise>
        void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
            turn_.await_suspend(frame);
        }
        void await_resume() { turn_.await_resume(); }  // woken: release() made us the owner

    protected:
        Lock& lock_;
        detail::Turn<PassOn> turn_;
    };
    class GuardAwaiter : public AcquireAwaiter {
    public:
        using AcquireAwaiter::AcquireAwaiter;
        [[nodiscard]] LockGuard await_resume() {
            AcquireAwaiter::await_resume();
            return LockGuard(lock_);
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
    void hand_over() noexcept { locked_ = waiters_.wake_first(); }

    detail::WaitingLine waiters_;
    bool locked_ = false;
};

inline LockGuard::~LockGuard() {
    if (lock_ != nullptr) lock_->release();
}

}  // namespace aio
