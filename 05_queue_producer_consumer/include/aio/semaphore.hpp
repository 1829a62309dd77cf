// aio::Semaphore (asyncio.Semaphore): at most N tasks at a time past acquire(). FIFO fair:
// release() hands its permit straight to the longest waiter. BoundedSemaphore also refuses a
// release() that would make more permits than it started with. Section "semaphore" caps
// concurrent downloads with one; section "condition" shows what BoundedSemaphore catches.
#pragma once

#include <limits>
#include <stdexcept>
#include <utility>

#include "aio/acquire_awaiter.hpp"
#include "aio/waiting_line.hpp"

namespace aio {

class Semaphore;

// Holds one permit and gives it back when it goes out of scope (co_await semaphore.guard(),
// Python's `async with semaphore:`): a task cancelled or failing while it holds the permit
// still gives it back.
class SemaphoreGuard {
public:
    explicit SemaphoreGuard(Semaphore& semaphore) noexcept : semaphore_(&semaphore) {}
    SemaphoreGuard(SemaphoreGuard&& other) noexcept : semaphore_(std::exchange(other.semaphore_, nullptr)) {}
    SemaphoreGuard& operator=(SemaphoreGuard&&) = delete;
    SemaphoreGuard(const SemaphoreGuard&) = delete;
    SemaphoreGuard& operator=(const SemaphoreGuard&) = delete;
    ~SemaphoreGuard() { release(); }

    // Gives the permit back now rather than at the end of the scope.
    inline void release() noexcept;

private:
    Semaphore* semaphore_;
};

class Semaphore {
public:
    explicit Semaphore(int value = 1) : value_(value) {
        if (value < 0) throw std::invalid_argument("Semaphore: the initial value must be >= 0 (asyncio: ValueError)");
    }
    Semaphore(const Semaphore&) = delete;
    Semaphore& operator=(const Semaphore&) = delete;
    virtual ~Semaphore() = default;

    // No permit left for a newcomer.
    [[nodiscard]] bool locked() const noexcept { return value_ == 0; }
    [[nodiscard]] int value() const noexcept { return value_; }

    using AcquireAwaiter = detail::AcquireAwaiter<Semaphore>;
    class GuardAwaiter : public AcquireAwaiter {
    public:
        using AcquireAwaiter::AcquireAwaiter;
        [[nodiscard]] SemaphoreGuard await_resume() {
            AcquireAwaiter::await_resume();
            ++owner_.guarded_;
            return SemaphoreGuard(owner_);
        }
    };

    // co_await semaphore.acquire(): takes a permit, waiting for one if none is left.
    [[nodiscard]] AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }
    // co_await semaphore.guard(): the same, returning a SemaphoreGuard that gives it back.
    [[nodiscard]] GuardAwaiter guard() noexcept { return GuardAwaiter(*this); }

    // Gives a permit back: to the longest waiter, or to the pool. asyncio's counter has no
    // limit; this one is an int, so a release() that would take it past INT_MAX throws
    // std::overflow_error instead of wrapping round.
    void release() {
        check_release();
        hand_over();
    }

protected:
    // Throws when one more permit cannot be given back. The permits that guards hold count as
    // given back already, so a guard's own release never fails.
    virtual void check_release() const {
        if (value_ >= std::numeric_limits<int>::max() - guarded_) {
            throw std::overflow_error("Semaphore::release() would take the counter past INT_MAX (2147483647)");
        }
    }
    [[nodiscard]] int guarded() const noexcept { return guarded_; }

private:
    friend AcquireAwaiter;
    friend SemaphoreGuard;
    [[nodiscard]] bool try_acquire() noexcept {
        if (value_ == 0) return false;
        --value_;
        return true;
    }
    void hand_over() noexcept {
        if (!waiters_.wake_first()) ++value_;
    }
    [[nodiscard]] detail::WaitingLine& waiters() noexcept { return waiters_; }

    detail::WaitingLine waiters_;
    int value_;
    int guarded_ = 0;  // permits held by SemaphoreGuards
};

// asyncio.BoundedSemaphore: a release() without its acquire() is a bug, reported at once.
class BoundedSemaphore : public Semaphore {
public:
    explicit BoundedSemaphore(int value = 1) : Semaphore(value), bound_(value) {}

protected:
    void check_release() const override {
        if (value() + guarded() >= bound_) {
            throw std::logic_error("BoundedSemaphore released too many times (asyncio: ValueError)");
        }
    }

private:
    int bound_;
};

inline void SemaphoreGuard::release() noexcept {
    if (Semaphore* semaphore = std::exchange(semaphore_, nullptr)) {
        --semaphore->guarded_;
        semaphore->hand_over();
    }
}

}  // namespace aio
