// A coroutine type whose promise logs every call the compiler inserts around the body: the frame's
// operator new and delete, get_return_object, initial and final suspend, return_value,
// unhandled_exception and the promise's destructor. Used by the section "anatomy".
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <optional>

#include "traced_awaiter.hpp"

namespace traced {

// What a coroutine declared `TracedCoroutine f()` returns: the owner of its frame. The caller
// resumes it by hand, the way an event loop will in the next sections.
class TracedCoroutine {
public:
    class promise_type {
    public:
        promise_type() noexcept;
        ~promise_type();
        promise_type(const promise_type&) = delete;
        promise_type& operator=(const promise_type&) = delete;

        static void* operator new(std::size_t size);
        static void operator delete(void* frame, std::size_t size) noexcept;

        TracedCoroutine get_return_object() noexcept;
        TracedAwaiter initial_suspend() const;
        TracedAwaiter final_suspend() const noexcept;
        void return_value(int value) noexcept;
        void unhandled_exception() noexcept;

        [[nodiscard]] int result() const;

    private:
        std::optional<int> value_;
        std::exception_ptr exception_;
    };

    TracedCoroutine(TracedCoroutine&& other) noexcept;
    TracedCoroutine& operator=(TracedCoroutine&&) = delete;
    TracedCoroutine(const TracedCoroutine&) = delete;
    TracedCoroutine& operator=(const TracedCoroutine&) = delete;
    ~TracedCoroutine();

    // Runs the body from where it is suspended to its next suspension. Does nothing once done:
    // resuming a finished coroutine is undefined behaviour.
    void resume() const;
    [[nodiscard]] bool done() const noexcept;
    // The co_returned value, or the body's exception rethrown. Only once done().
    [[nodiscard]] int result() const;

private:
    using Handle = std::coroutine_handle<promise_type>;
    explicit TracedCoroutine(Handle handle) noexcept : handle_(handle) {}

    Handle handle_;
};

}  // namespace traced
