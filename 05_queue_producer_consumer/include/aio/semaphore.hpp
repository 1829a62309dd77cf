// aio::Semaphore (asyncio.Semaphore): at most N tasks at a time past acquire(). FIFO fair:
// release() hands its permit straight to the longest waiter. BoundedSemaphore also refuses a
// release() that would make more permits than it started with. Section "semaphore" caps
// concurrent downloads with one.
#pragma once

#include <stdexcept>

#include "aio/acquire_awaiter.hpp"
#include "aio/waiting_line.hpp"

namespace aio {

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
    // co_await semaphore.acquire(): takes a permit, waiting for one if none is left.
    [[nodiscard]] AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }

    // Gives a permit back: to the longest waiter, or to the pool.
    virtual void release() { hand_over(); }

private:
    friend AcquireAwaiter;
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
};

// asyncio.BoundedSemaphore: a release() without its acquire() is a bug, reported at once.
class BoundedSemaphore : public Semaphore {
public:
    explicit BoundedSemaphore(int value = 1) : Semaphore(value), bound_(value) {}

    void release() override {
        if (value() >= bound_) {
            throw std::logic_error("BoundedSemaphore released too many times (asyncio: ValueError)");
        }
        Semaphore::release();
    }

private:
    int bound_;
};

}  // namespace aio
