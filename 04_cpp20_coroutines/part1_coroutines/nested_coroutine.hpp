// The textbook mistake, for section "coroutine": a coroutine type whose awaiter resumes the
// child from inside the parent's await_suspend. Every level of a chain of awaits then sits on
// top of the one before: deep chains overflow the stack. (It handles only children that finish
// at once, which is all the section needs.)
#pragma once

#include <coroutine>
#include <exception>
#include <utility>

namespace coroutines {

class NestedCoroutine {
public:
    struct promise_type {
        int value = 0;

        NestedCoroutine get_return_object() noexcept {
            return NestedCoroutine(std::coroutine_handle<promise_type>::from_promise(*this));
        }
        std::suspend_always initial_suspend() const noexcept { return {}; }
        std::suspend_always final_suspend() const noexcept { return {}; }
        void return_value(int v) noexcept { value = v; }
        void unhandled_exception() const noexcept { std::terminate(); }
    };

    explicit NestedCoroutine(std::coroutine_handle<promise_type> frame) noexcept : frame_(frame) {}
    NestedCoroutine(NestedCoroutine&& other) noexcept : frame_(std::exchange(other.frame_, nullptr)) {}
    NestedCoroutine& operator=(NestedCoroutine&&) = delete;
    ~NestedCoroutine() {
        if (frame_) frame_.destroy();
    }

    // Runs a top-level coroutine to its end (every level finishes at once here).
    int run() {
        frame_.resume();
        return frame_.promise().value;
    }

    struct Awaiter {
        explicit Awaiter(std::coroutine_handle<promise_type> child) noexcept : child_(child) {}
        bool await_ready() const noexcept { return false; }
        // Nested: the child runs on top of the parent's stack frames; when it is done, the
        // parent goes on (false: do not suspend after all).
        bool await_suspend(std::coroutine_handle<> /*parent*/) const {
            child_.resume();
            return false;
        }
        int await_resume() const noexcept { return child_.promise().value; }
        std::coroutine_handle<promise_type> child_;
    };
    Awaiter operator co_await() && noexcept { return Awaiter(frame_); }

private:
    std::coroutine_handle<promise_type> frame_;
};

}  // namespace coroutines
