// aio::Coroutine<T>: what an async function returns. Lazy (calling it runs nothing), move-only,
// and awaited inline: `co_await child()` runs the child right away, in the awaiting task, with
// no trip through the loop, as `await child()` does in Python. Section "coroutine".
#pragma once

#include <concepts>
#include <coroutine>
#include <optional>
#include <stdexcept>
#include <type_traits>
#include <utility>

#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"

namespace aio {

template <class T = void>
class Coroutine;

namespace detail {

template <class T>
struct Promise : PromiseBase {
    std::optional<T> value;

    Coroutine<T> get_return_object() noexcept;
    FinalAwaiter final_suspend() const noexcept { return {}; }
    template <class U>
    requires std::convertible_to<U&&, T>
    void return_value(U&& result) { value.emplace(std::forward<U>(result)); }
    // For one reader (an inline await): the value moves out.
    T take_result() {
        if (error) std::rethrow_exception(error);
        return std::move(*value);
    }
    // For many readers (a Task awaited several times): each gets a copy.
    T copy_result() const {
        if (error) std::rethrow_exception(error);
        return *value;
    }
};

template <>
struct Promise<void> : PromiseBase {
    Coroutine<void> get_return_object() noexcept;
    FinalAwaiter final_suspend() const noexcept { return {}; }
    void return_void() const noexcept {}
    void take_result() const {
        if (error) std::rethrow_exception(error);
    }
    void copy_result() const { take_result(); }
};

}  // namespace detail

template <class T>
class Coroutine {
public:
    using promise_type = detail::Promise<T>;
    using value_type = T;

    Coroutine() noexcept = default;
    Coroutine(Coroutine&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
    Coroutine& operator=(Coroutine&& other) noexcept {
        if (this != &other) {
            destroy();
            frame_ = std::exchange(other.frame_, nullptr);
        }
        return *this;
    }
    ~Coroutine() { destroy(); }

    [[nodiscard]] bool valid() const noexcept { return static_cast<bool>(frame_); }

    // Hands the frame over (to create_task); the Coroutine is empty afterwards.
    [[nodiscard]] std::coroutine_handle<promise_type> release() noexcept { return std::exchange(frame_, nullptr); }

    class Awaiter;
    // Awaiting consumes the coroutine, as in Python: a second await is an error, not a rerun.
    Awaiter operator co_await() & { return Awaiter(take()); }
    Awaiter operator co_await() && { return Awaiter(take()); }

private:
    friend struct detail::Promise<T>;
    explicit Coroutine(std::coroutine_handle<promise_type> frame) noexcept : frame_(frame) {}

    std::coroutine_handle<promise_type> take() {
        if (!frame_) {
            throw std::logic_error(
                "co_await on an empty aio::Coroutine: it was awaited already or moved from "
                "(Python: cannot reuse already awaited coroutine)");
        }
        return std::exchange(frame_, nullptr);
    }
    void destroy() noexcept {
        if (frame_) frame_.destroy();
    }

    std::coroutine_handle<promise_type> frame_;
};

// Runs the child inside the awaiting task. The parent does not resume the child from inside
// itself: it hands the child to the task's trampoline (PromiseBase::step), which resumes it;
// at its end the child hands the parent back the same way. The awaiter owns the child's frame.
template <class T>
class Coroutine<T>::Awaiter {
public:
    explicit Awaiter(std::coroutine_handle<promise_type> child) noexcept : child_(child) {}
    Awaiter(const Awaiter&) = delete;
    Awaiter& operator=(const Awaiter&) = delete;
    ~Awaiter() { child_.destroy(); }

    [[nodiscard]] bool await_ready() const noexcept { return false; }
    template <std::derived_from<detail::PromiseBase> ParentPromise>
    void await_suspend(std::coroutine_handle<ParentPromise> parent) const noexcept {
        detail::PromiseBase& child = child_.promise();
        child.continuation = parent;
        child.task = parent.promise().task;
        child.task->loop->hand_off(child_);
    }
    T await_resume() const { return child_.promise().take_result(); }

private:
    std::coroutine_handle<promise_type> child_;
};

namespace detail {

template <class T>
Coroutine<T> Promise<T>::get_return_object() noexcept {
    return Coroutine<T>(std::coroutine_handle<Promise<T>>::from_promise(*this));
}

inline Coroutine<void> Promise<void>::get_return_object() noexcept {
    return Coroutine<void>(std::coroutine_handle<Promise<void>>::from_promise(*this));
}

}  // namespace detail
}  // namespace aio
