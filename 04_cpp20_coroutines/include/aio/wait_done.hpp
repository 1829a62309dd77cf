// Waiting for a task to finish without taking its result, optionally with a deadline: the two
// building blocks of gather and wait_for.
#pragma once

#include <concepts>
#include <coroutine>
#include <cstdint>
#include <stdexcept>

#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"
#include "aio/waiter_list.hpp"

namespace aio::detail {

// A task cannot wait for itself to finish (through gather or wait_for), nor for a task of
// another loop (that loop may never run again): refused, not a hang. gather and wait_for check
// the loop up front too, before they schedule anything (gather.hpp, wait_for.hpp).
inline bool done_or_refuse_self(const PromiseBase& awaited) {
    const PromiseBase* running = PromiseBase::current();
    if (running == &awaited) {
        throw std::logic_error("a task cannot await itself (asyncio: Task cannot await on itself)");
    }
    if (running != nullptr && running->loop != awaited.loop && !awaited.done) {
        throw std::logic_error(
            "awaiting a task of another event loop (asyncio: Task got Future attached to a different loop)");
    }
    return awaited.done;
}

// Passes a cancel() of the waiting task on to one task, and remembers that it did.
class CancelOneTask final : public CancelTarget {
public:
    explicit CancelOneTask(PromiseBase& task) noexcept : task_(task) {}
    bool forward_cancel(PromiseBase*& next) noexcept override {
        if (task_.done) return false;
        forwarded_ = true;
        next = &task_;
        return true;
    }
    [[nodiscard]] bool forwarded() const noexcept { return forwarded_; }

private:
    PromiseBase& task_;
    bool forwarded_ = false;
};

// co_await DoneAwaiter(task, on_cancel): returns when `task` has finished. A cancel() of the
// waiting task meanwhile goes to `on_cancel` (gather: to every child; wait_for: to its work),
// so the wait is not cut short: nothing the waiter started outlives it.
class DoneAwaiter {
public:
    DoneAwaiter(PromiseBase& awaited, CancelTarget& on_cancel) noexcept : awaited_(awaited), on_cancel_(on_cancel) {}
    DoneAwaiter(const DoneAwaiter&) = delete;
    DoneAwaiter& operator=(const DoneAwaiter&) = delete;
    ~DoneAwaiter() = default;

    [[nodiscard]] bool await_ready() const { return done_or_refuse_self(awaited_); }
    template <std::derived_from<PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
        waiting_ = frame.promise().task;
        waiting_->cancel_target = &on_cancel_;  // before suspending: a pending cancel goes there
        waiting_->suspend_on(awaited_.waiters, node_, frame);
    }
    void await_resume() const {
        if (waiting_ == nullptr) return;
        waiting_->cancel_target = nullptr;
        waiting_->throw_if_cancelled();  // cancelled when nothing was left to pass it on to
    }

private:
    PromiseBase& awaited_;
    CancelTarget& on_cancel_;
    WaiterNode node_;
    PromiseBase* waiting_ = nullptr;
};

// co_await DoneOrDeadline(task, seconds): true when `task` has finished by the time the waiter
// runs again, false when it has not and the time ran out. One wake-up id for both the timer and
// the waiter node: whichever comes first wakes it, and the timer goes at once either way. A
// cancel() of the waiting task goes to `on_cancel`.
class DoneOrDeadline {
public:
    DoneOrDeadline(PromiseBase& awaited, double seconds, CancelTarget& on_cancel) noexcept
        : awaited_(awaited), seconds_(seconds), on_cancel_(on_cancel) {}
    DoneOrDeadline(const DoneOrDeadline&) = delete;
    DoneOrDeadline& operator=(const DoneOrDeadline&) = delete;
    ~DoneOrDeadline() = default;

    [[nodiscard]] bool await_ready() const { return done_or_refuse_self(awaited_); }
    template <std::derived_from<PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        waiting_ = frame.promise().task;
        EventLoop& loop = *waiting_->loop;
        waiting_->cancel_target = &on_cancel_;
        const std::uint64_t id = waiting_->suspend_on(awaited_.waiters, node_, frame);
        if (waiting_->wait_id == id) loop.add_timer(loop.time() + seconds_, waiting_, id);
    }
    [[nodiscard]] bool await_resume() const {
        if (waiting_ != nullptr) {
            waiting_->cancel_target = nullptr;
            waiting_->throw_if_cancelled();
        }
        return awaited_.done;
    }

private:
    PromiseBase& awaited_;
    double seconds_;
    CancelTarget& on_cancel_;
    WaiterNode node_;
    PromiseBase* waiting_ = nullptr;
};

}  // namespace aio::detail
