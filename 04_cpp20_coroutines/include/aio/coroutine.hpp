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
    // For a task's readers. `sole_reader`: nobody else can read it after this one (the last
    // handle awaits it), so the value moves out. Otherwise each reader gets a copy; a move-only
    // value, which cannot be copied, moves out to its first reader.
    T read_result(bool sole_reader) {
        retrieved = true;
        if (error) std::rethrow_exception(error);
        if (!value) {
            throw std::logic_error(
                "the result of this task was moved out already: a move-only result goes to its first reader");
        }
        if constexpr (std::is_copy_constructible_v<T>) {
            if (!sole_reader) return *value;
        }
        T result = std::move(*value);
        value.reset();
        return result;
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
    void read_result(bool /*sole_reader*/) {
        retrieved = true;
        take_result();
    }
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
// at its end the child hands the parent back the same way. The awaiter owns the child's frame,
// and its link sits on the task's stack of inline awaits until the child finishes.
template <class T>
class Coroutine<T>::Awaiter {
public:
    explicit Awaiter(std::coroutine_handle<promise_type> child) noexcept { link_.frame = child; }
    Awaiter(const Awaiter&) = delete;
    Awaiter& operator=(const Awaiter&) = delete;
    ~Awaiter() {
        if (!link_.frame) return;  // destroyed from below already (destroy_inner_frames)
        detail::PromiseBase& child = child_promise();
        // Torn down while the child is suspended: the frames below go first, innermost first.
        if (child.task != nullptr && !link_.frame.done()) detail::destroy_inner_frames(*child.task, link_);
        link_.frame.destroy();
    }

    [[nodiscard]] bool await_ready() const noexcept { return false; }
    template <std::derived_from<detail::PromiseBase> ParentPromise>
    void await_suspend(std::coroutine_handle<ParentPromise> parent) noexcept {
        detail::PromiseBase& child = child_promise();
        detail::PromiseBase& root = *parent.promise().task;
        child.continuation = parent;
        child.task = &root;
        link_.up = root.inline_top;
        root.inline_top = &link_;
        root.loop->hand_off(link_.frame);
    }
    T await_resume() { return child_promise().take_result(); }

private:
    promise_type& child_promise() const {
        return std::coroutine_handle<promise_type>::from_address(link_.frame.address()).promise();
    }

    detail::ChildLink link_;
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
