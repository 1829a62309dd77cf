// Tasks that wait until something happens to a stream or a server ("the buffer is flushed",
// "the socket is closed"): co_await notifier.wait(), and notify_all() wakes them through the
// ready queue. The condition is checked again by the waiter, so a spurious wake-up is harmless.
// Used by streams.hpp and server.hpp.
#pragma once

#include <concepts>
#include <coroutine>

#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"
#include "aio/waiter_list.hpp"

namespace aio::detail {

class Notifier {
public:
    // Cancellable: CancelledError where it waits, and its node leaves the list with the awaiter.
    class Awaiter {
    public:
        explicit Awaiter(WaiterList& waiters) noexcept : waiters_(waiters) {}
        Awaiter(const Awaiter&) = delete;
        Awaiter& operator=(const Awaiter&) = delete;
        ~Awaiter() = default;

        [[nodiscard]] bool await_ready() const noexcept { return false; }
        template <std::derived_from<PromiseBase> Promise>
        void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
            frame.promise().task->suspend_on(waiters_, node_, frame);
        }
        void await_resume() const { PromiseBase::current()->throw_if_cancelled(); }

    private:
        WaiterList& waiters_;
        WaiterNode node_;
    };

    Awaiter wait() noexcept { return Awaiter(waiters_); }
    void notify_all() noexcept { waiters_.wake_all(); }

private:
    WaiterList waiters_;
};

}  // namespace aio::detail
