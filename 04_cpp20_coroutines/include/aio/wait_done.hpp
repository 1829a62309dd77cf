// Waiting for a task to finish without taking its result, optionally with a deadline: the two
// building blocks of gather and wait_for.
#pragma once

#include <concepts>
#include <coroutine>
#include <cstdint>

#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"
#include "aio/waiter_list.hpp"

namespace aio::detail {

// co_await DoneAwaiter(task, shielded): returns when `task` has finished. A shielded wait is
// not cut short by cancel() (the request stays pending): it is how a cancelled gather or
// wait_for still waits for its children, so none outlives the frame it may point into.
class DoneAwaiter {
public:
    DoneAwaiter(PromiseBase& awaited, bool shielded) noexcept : awaited_(awaited), shielded_(shielded) {}
    DoneAwaiter(const DoneAwaiter&) = delete;
    DoneAwaiter& operator=(const DoneAwaiter&) = delete;
    ~DoneAwaiter() = default;

    [[nodiscard]] bool await_ready() const noexcept { return awaited_.done; }
    template <std::derived_from<PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
        waiting_ = frame.promise().task;
        waiting_->shielded = shielded_;  // before suspending: a pending cancel must not fire here
        waiting_->suspend_on(awaited_.waiters, node_, frame);
    }
    void await_resume() const {
        if (waiting_ == nullptr) return;
        waiting_->shielded = false;
        if (!shielded_) waiting_->throw_if_cancelled();
    }

private:
    PromiseBase& awaited_;
    bool shielded_;
    WaiterNode node_;
    PromiseBase* waiting_ = nullptr;
};

// co_await DoneOrDeadline(task, seconds): true when `task` has finished by the time the waiter
// runs again, false when it has not and the time ran out. One wake-up id for both the timer and
// the waiter node: whichever comes first wakes it, the other is stale.
class DoneOrDeadline {
public:
    DoneOrDeadline(PromiseBase& awaited, double seconds) noexcept : awaited_(awaited), seconds_(seconds) {}
    DoneOrDeadline(const DoneOrDeadline&) = delete;
    DoneOrDeadline& operator=(const DoneOrDeadline&) = delete;
    ~DoneOrDeadline() = default;

    [[nodiscard]] bool await_ready() const noexcept { return awaited_.done; }
    template <std::derived_from<PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        waiting_ = frame.promise().task;
        EventLoop& loop = *waiting_->loop;
        const std::uint64_t id = waiting_->suspend_on(awaited_.waiters, node_, frame);
        loop.add_timer(loop.time() + seconds_, waiting_, id);
    }
    [[nodiscard]] bool await_resume() const {
        if (waiting_ != nullptr) waiting_->throw_if_cancelled();
        return awaited_.done;
    }

private:
    PromiseBase& awaited_;
    double seconds_;
    WaiterNode node_;
    PromiseBase* waiting_ = nullptr;
};

}  // namespace aio::detail
