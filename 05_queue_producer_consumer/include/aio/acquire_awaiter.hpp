// co_await lock.acquire() and co_await semaphore.acquire(): take what is free at once, or wait
// in line until release() hands it over. Shared by Lock and Semaphore.
#pragma once

#include <concepts>
#include <coroutine>

#include "aio/promise_base.hpp"
#include "aio/waiting_line.hpp"

namespace aio::detail {

// Owner: try_acquire() takes it when it is free, hand_over() gives it to the next in line (or
// frees it), waiters() is the line.
template <class Owner>
class AcquireAwaiter {
    // Handed over, then cancelled in the same turn: the next one in line gets it.
    struct PassOn {
        Owner* owner;
        void operator()() const noexcept { owner->hand_over(); }
    };

public:
    explicit AcquireAwaiter(Owner& owner) noexcept : owner_(owner), turn_(owner.waiters(), PassOn{&owner}) {}
    [[nodiscard]] bool await_ready() noexcept { return owner_.try_acquire(); }
    template <std::derived_from<PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
        turn_.await_suspend(frame);
    }
    void await_resume() { turn_.await_resume(); }  // woken: release() handed it to us

protected:
    Owner& owner_;

private:
    Turn<PassOn> turn_;
};

}  // namespace aio::detail
