// aio::Semaphore (asyncio.Semaphore): at most N tasks at a time past acquire(). FIFO fair:
// release() hands its permit straight to the longest waiter. BoundedSemaphore also refuses a
// release() that would make more permits than it started with. Section "primitives" caps
// concurrent downloads with one.
#pragma once

#include <concepts>
#include <coroutine>
#include <stdexcept>

#include "aio/promise_base.hpp"
#include "aio/waiting_line.hpp"

namespace aio {

class Semaphore {
    // The permit's new holder was cancelled right after its turn came: the permit goes on.
    struct PassOn {
        Semaphore* semaphore;
        void operator()() const noexcept { semaphore->hand_over(); }
    };

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

    class AcquireAwaiter {
    public:
        explicit AcquireAwaiter(Semaphore& semaphore) noexcept
            : semaphore_(semaphore), turn_(semaphore.waiters_, PassOn{&semaphore}) {}
        [[nodiscard]] bool await_ready() noexcept {
            if (semaphore_.value_ == 0) return false;
            --semaphore_.value_;
            return true;
        }
        template <std::derived_from<detail::PromiseBase> Promise>
        void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
            turn_.await_suspend(frame);
        }
        void await_resume() { turn_.await_resume(); }  // woken: release() gave us its permit

    private:
        Semaphore& semaphore_;
        detail::Turn<PassOn> turn_;
    };
    // co_await semaphore.acquire(): takes a permit, waiting for one if none is left.
    [[nodiscard]] AcquireAwaiter acquire() noexcept { return AcquireAwaiter(*this); }

    // Gives a permit back: to the longest waiter, or to the pool.
    virtual void release() { hand_over(); }

private:
    void hand_over() noexcept {
        if (!waiters_.wake_first()) ++value_;
    }

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
