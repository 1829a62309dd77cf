// aio::Future<T>: a result that someone else sets (asyncio.Future). Awaiting it suspends the
// task until set_result, set_exception or cancel; the waiters then resume through the ready
// queue. Copies share one state, which belongs to one loop: the running one when the future is
// made, or else the first that awaits it. Cancelling a task that awaits a future cancels the
// future too, as in asyncio. Section "future" and "tasks".
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
    Future() : state_(std::make_shared<State>()) { state_->loop = running_loop(); }

    [[nodiscard]] bool done() const noexcept { return state_->done; }
    [[nodiscard]] bool cancelled() const noexcept { return state_->cancelled; }

    // Each setter checks first and publishes last: if storing the value throws, the future is
    // still pending, never done without a value.
    template <class U = T>
    requires(!std::is_void_v<U>) void set_result(U value) {
        check_pending("set_result");
        state_->value.emplace(std::move(value));
        publish();
    }
    template <class U = T>
    requires std::is_void_v<U>
    void set_result() {
        check_pending("set_result");
        state_->value.emplace();
        publish();
    }
    void set_exception(std::exception_ptr error) {
        if (!error) throw std::invalid_argument("Future::set_exception: a null exception_ptr");
        check_pending("set_exception");
        state_->error = std::move(error);
        publish();
    }
    // Cancels the future: its awaiters get CancelledError. False if it was done already.
    bool cancel() noexcept {
        if (state_->done) return false;
        state_->error = std::make_exception_ptr(CancelledError{});
        state_->cancelled = true;
        publish();
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
        EventLoop* loop = nullptr;
        bool done = false;
        bool cancelled = false;
        std::optional<Stored> value;
        std::exception_ptr error;
        detail::WaiterList waiters;
    };
    void check_pending(const char* what) const {
        if (state_->done) {
            throw std::logic_error(std::string("Future::") + what +
                                   ": the future is done already (asyncio: InvalidStateError)");
        }
    }
    void publish() noexcept {
        state_->done = true;
        state_->waiters.wake_all();
    }

    std::shared_ptr<State> state_;
};

template <class T>
class Future<T>::Awaiter final : public detail::CancelTarget {
public:
    explicit Awaiter(Future future) noexcept : future_(std::move(future)) {}
    Awaiter(const Awaiter&) = delete;
    Awaiter& operator=(const Awaiter&) = delete;
    ~Awaiter() = default;

    [[nodiscard]] bool await_ready() const {
        const detail::PromiseBase* running = detail::PromiseBase::current();
        EventLoop*& owner = future_.state_->loop;
        if (running != nullptr) {
            if (owner == nullptr) owner = running->loop;
            if (owner != running->loop && !future_.done()) {
                throw std::logic_error(
                    "awaiting a future of another event loop (asyncio: Task got Future attached to a different loop)");
            }
        }
        return future_.done();
    }
    template <std::derived_from<detail::PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
        waiting_ = frame.promise().task;
        waiting_->cancel_target = this;
        waiting_->suspend_on(future_.state_->waiters, node_, frame);
    }
    T await_resume() const {
        if (waiting_ != nullptr) {
            waiting_->cancel_target = nullptr;
            waiting_->throw_if_cancelled();
        }
        return future_.result();
    }

    bool forward_cancel(detail::PromiseBase*& /*next*/) noexcept override { return future_.cancel(); }

private:
    Future future_;
    detail::WaiterNode node_;  // declared after future_: leaves the list before the state can go
    detail::PromiseBase* waiting_ = nullptr;
};

}  // namespace aio
