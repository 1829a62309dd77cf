// aio::to_thread: asyncio.to_thread. Runs a blocking call on a worker thread of the loop's
// executor; the awaiting task goes on, on the loop's thread, with the result or the exception.
// Section "offload".
#pragma once

#include <concepts>
#include <coroutine>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>

#include "aio/coroutine.hpp"
#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"
#include "aio/thread_pool.hpp"

namespace aio {

namespace detail {

// What the awaiting task and the worker share. Either side may be gone first (a cancelled task,
// a closed loop), so both hold it through a shared_ptr, and it dies with the last of them.
template <class T>
class ThreadCall {
    using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

public:
    ThreadCall() = default;
    ThreadCall(const ThreadCall&) = delete;
    ThreadCall& operator=(const ThreadCall&) = delete;
    virtual ~ThreadCall() = default;

    // On the worker: the call, and its outcome kept for the loop.
    void run() noexcept {
        try {
            if constexpr (std::is_void_v<T>) {
                invoke();
                value_.emplace();
            } else {
                value_.emplace(invoke());
            }
        } catch (...) {
            error_ = std::current_exception();
        }
    }
    // On the loop, once the outcome was posted: call_soon_threadsafe's mutex orders the
    // worker's writes before this read.
    T take() {
        if (error_) std::rethrow_exception(error_);
        if constexpr (!std::is_void_v<T>) return std::move(*value_);
    }

    // The loop's thread only: the task waiting for the outcome and the wait it is in (null once
    // its awaiter is gone: a late outcome then wakes nobody).
    PromiseBase* waiting = nullptr;
    std::uint64_t wait_id = 0;

protected:
    virtual T invoke() = 0;

private:
    std::optional<Stored> value_;
    std::exception_ptr error_;
};

// The callable and its arguments, copied (or moved) in when to_thread is called.
template <class T, class Function, class... Args>
class BoundCall final : public ThreadCall<T> {
public:
    template <class F, class... A>
    explicit BoundCall(F&& function, A&&... args)
        : function_(std::forward<F>(function)), args_(std::forward<A>(args)...) {}

private:
    T invoke() override { return std::apply(std::move(function_), std::move(args_)); }

    Function function_;
    std::tuple<Args...> args_;
};

// The job a worker runs: the call, then its outcome posted to the loop. A loop that closed
// meanwhile refuses the post (std::logic_error): nobody waits any more, the outcome is dropped.
template <class T>
class ThreadJob {
public:
    ThreadJob(std::shared_ptr<ThreadCall<T>> call, EventLoop& loop) noexcept : call_(std::move(call)), loop_(&loop) {}

    void operator()() const noexcept {
        call_->run();
        try {
            loop_->call_soon_threadsafe(Deliver(call_));
        } catch (const std::logic_error&) {}
    }

private:
    // Runs on the loop: wakes the task if it still waits for this call (wake() ignores a wait
    // that a cancel ended).
    class Deliver {
    public:
        explicit Deliver(std::shared_ptr<ThreadCall<T>> call) noexcept : call_(std::move(call)) {}
        void operator()() const {
            if (call_->waiting != nullptr) call_->waiting->wake(call_->wait_id);
        }

    private:
        std::shared_ptr<ThreadCall<T>> call_;
    };

    std::shared_ptr<ThreadCall<T>> call_;
    EventLoop* loop_;  // alive: the loop joins its executor's workers before it goes
};

// No cancel target: a cancel() ends the wait at once (CancelledError at the co_await), as in
// asyncio; the thread cannot be stopped, runs on, and its outcome is dropped.
template <class T>
class ThreadCallAwaiter {
public:
    explicit ThreadCallAwaiter(std::shared_ptr<ThreadCall<T>> call) noexcept : call_(std::move(call)) {}
    ThreadCallAwaiter(const ThreadCallAwaiter&) = delete;
    ThreadCallAwaiter& operator=(const ThreadCallAwaiter&) = delete;
    // The wait is over, or the frame is destroyed with the loop: a late outcome must not wake it.
    ~ThreadCallAwaiter() { call_->waiting = nullptr; }

    [[nodiscard]] bool await_ready() const noexcept { return false; }
    template <std::derived_from<PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        PromiseBase* task = frame.promise().task;
        EventLoop& loop = *task->loop;
        const std::uint64_t id = loop.new_wait_id();
        call_->waiting = task;
        call_->wait_id = id;
        loop.executor().submit(ThreadJob<T>(call_, loop));  // throws before the task is parked
        task->suspend(frame, id);
    }
    T await_resume() {
        call_->waiting = nullptr;
        PromiseBase::current()->throw_if_cancelled();
        return call_->take();
    }

private:
    std::shared_ptr<ThreadCall<T>> call_;
};

template <class T>
Coroutine<T> await_thread_call(std::shared_ptr<ThreadCall<T>> call) {
    co_return co_await ThreadCallAwaiter<T>(std::move(call));
}

}  // namespace detail

// What to_thread(function, args...) yields: what the call returns, as a value.
template <class Function, class... Args>
using ToThreadResult = std::remove_cvref_t<std::invoke_result_t<std::decay_t<Function>, std::decay_t<Args>...>>;

// co_await aio::to_thread(function, args...): function(args...) on a worker thread, while the
// loop runs other tasks. The function and its arguments are copied (or moved) now, as Python
// binds them, so nothing refers to the caller's frame; pass std::ref to share an object, and
// keep it alive and unshared until the call is over. Lazy like any Coroutine: the call starts
// when it is awaited (or made a task).
template <class Function, class... Args>
requires std::invocable<std::decay_t<Function>, std::decay_t<Args>...> Coroutine<ToThreadResult<Function, Args...>>
to_thread(Function&& function, Args&&... args) {
    using T = ToThreadResult<Function, Args...>;
    using Call = detail::BoundCall<T, std::decay_t<Function>, std::decay_t<Args>...>;
    return detail::await_thread_call<T>(
        std::make_shared<Call>(std::forward<Function>(function), std::forward<Args>(args)...));
}

}  // namespace aio
