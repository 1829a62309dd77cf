// aio::Future<T>: a result that someone else sets (asyncio.Future). Awaiting it suspends the
// task until set_result, set_exception or cancel; the waiters then resume through the ready
// queue. Copies share one state. Section "originals" (set_after) and "tasks".
#pragma once

#include <coroutine>
#include <exception>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <utility>
#include <variant>

#include "aio/errors.hpp"
#include "aio/event_loop.hpp"
#include "aio/waiter_list.hpp"

namespace aio {

template <class T = void>
class Future {
    using Stored = std::conditional_t<std::is_void_v<T>, std::monostate, T>;

public:
    Future() : state_(std::make_shared<State>()) {}

    [[nodiscard]] bool done() const noexcept { return state_->done; }
    [[nodiscard]] bool cancelled() const noexcept { return state_->cancelled; }

    template <class U = T>
    requires(!std::is_void_v<U>) void set_result(U value) {
        mark_done("set_result");
        state_->value.emplace(std::move(value));
        state_->waiters.wake_all();
    }
    template <class U = T>
    requires std::is_void_v<U>
    void set_result() {
        mark_done("set_result");
        state_->value.emplace();
        state_->waiters.wake_all();
    }
    void set_exception(std::exception_ptr error) {
        mark_done("set_exception");
        state_->error = std::move(error);
        state_->waiters.wake_all();
    }
    // Cancels the future: its awaiters get CancelledError. False if it was done already.
    bool cancel() {
        if (state_->done) return false;
        mark_done("cancel");
        state_->error = std::make_exception_ptr(CancelledError{});
        state_->cancelled = true;
        state_->waiters.wake_all();
        return true;
    }
    // The value of a done future (its exception is rethrown); std::logic_error before that.
    T result() const {
        if (!state_->done) {
            throw std::logic_error("Future::result: the result is not set yet (asyncio: InvalidStateError)");
        }
        if (state_->error) std::rethrow_exception(state_->error);
        if constexpr (!std::is_void_v<T>) return *state_->value;
    }

    class Awaiter;
    Awaiter operator co_await() const { return Awaiter(*this); }

private:
    struct State {
        bool done = false;
        bool cancelled = false;
        std::optional<Stored> value;
        std::exception_ptr error;
        detail::WaiterList waiters;
    };
    void mark_done(const char* what) {
        if (state_->done) {
            throw std::logic_error(std::string("Future::") + what +
                                   ": the future is done already (asyncio: InvalidStateError)");
        }
        state_->done = true;
    }

    std::shared_ptr<State> state_;
};

template <class T>
class Future<T>::Awaiter {
public:
    explicit Awaiter(Future future) noexcept : future_(std::move(future)) {}
    Awaiter(const Awaiter&) = delete;
    Awaiter& operator=(const Awaiter&) = delete;
    ~Awaiter() = default;

    [[nodiscard]] bool await_ready() const noexcept { return future_.done(); }
    template <std::derived_from<detail::PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
        waiting_ = frame.promise().task;
        waiting_->suspend_on(future_.state_->waiters, node_, frame);
    }
    T await_resume() const {
        if (waiting_ != nullptr) waiting_->throw_if_cancelled();
        return future_.result();
    }

private:
    Future future_;
    detail::WaiterNode node_;  // declared after future_: leaves the list before the state can go
    detail::PromiseBase* waiting_ = nullptr;
};

}  // namespace aio
