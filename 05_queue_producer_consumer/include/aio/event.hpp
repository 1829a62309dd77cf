// aio::Event (asyncio.Event): one task sets it, every task waiting for it wakes up. Section
// "event" starts many tasks at once with it; Queue::join waits on one.
#pragma once

#include <concepts>
#include <coroutine>

#include "aio/promise_base.hpp"
#include "aio/waiting_line.hpp"

namespace aio {

class Event {
    struct NoPassOn {  // set() wakes everyone: there is nothing to hand on
        void operator()() const noexcept {}
    };

public:
    Event() = default;
    Event(const Event&) = delete;
    Event& operator=(const Event&) = delete;

    [[nodiscard]] bool is_set() const noexcept { return set_; }
    // Wakes every waiter (through the ready queue); later wait()s return at once.
    void set() noexcept {
        if (set_) return;
        set_ = true;
        waiters_.wake_all();
    }
    // Later wait()s wait again. A waiter already woken still returns, as in asyncio.
    void clear() noexcept { set_ = false; }

    class WaitAwaiter {
    public:
        explicit WaitAwaiter(Event& event) noexcept : event_(event), turn_(event.waiters_, NoPassOn{}) {}
        [[nodiscard]] bool await_ready() const noexcept { return event_.set_; }
        template <std::derived_from<detail::PromiseBase> Promise>
        void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
            turn_.await_suspend(frame);
        }
        void await_resume() { turn_.await_resume(); }

    private:
        Event& event_;
        detail::Turn<NoPassOn> turn_;
    };
    // co_await event.wait(): returns once the event is set (at once if it is).
    [[nodiscard]] WaitAwaiter wait() noexcept { return WaitAwaiter(*this); }

private:
    detail::WaitingLine waiters_;
    bool set_ = false;
};

}  // namespace aio
