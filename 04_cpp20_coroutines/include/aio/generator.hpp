// aio::Generator<T>: a lazy sequence written with co_yield, the compiler's version of chapter 01's
// hand-written state machines (GCC 12 has no std::generator). Used by the section "generator".
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <iterator>
#include <new>
#include <type_traits>
#include <utility>

namespace aio {

// How many generator frames this thread has allocated and freed, and their bytes: the section
// "generator" shows that each generator is one heap frame, and tests check that none leaks.
struct GeneratorFrames {
    std::size_t allocated = 0;
    std::size_t freed = 0;
    std::size_t live_bytes = 0;
};

namespace detail {
inline thread_local GeneratorFrames generator_frames;
// operator new knows the frame's size, the promise does not: operator new leaves it here and
// the promise, constructed next in the same call, picks it up.
inline thread_local std::size_t last_frame_size = 0;
}  // namespace detail

[[nodiscard]] inline const GeneratorFrames& generator_frames() noexcept { return detail::generator_frames; }

// A coroutine that yields values of T with co_yield. Calling it runs nothing (lazy); iterating
// runs the body up to each co_yield in turn. Move-only: it owns its frame, and destroying an
// unfinished generator destroys the frame and the locals still alive in it. An exception thrown
// by the body comes out of begin() or ++ on the consumer's side.
template <class T>
class Generator {
public:
    class promise_type {
    public:
        // Takes the size and leaves 0 behind, so a frame that never came from operator new
        // cannot pick up a stale size.
        promise_type() noexcept : frame_size_(std::exchange(detail::last_frame_size, 0)) {}

        // The compiler asks for the whole frame here: parameters, locals alive across a
        // co_yield, this promise, and the resume point. Counting it is all this does.
        static void* operator new(std::size_t size) {
            void* frame = ::operator new(size);
            detail::last_frame_size = size;
            ++detail::generator_frames.allocated;
            detail::generator_frames.live_bytes += size;
            return frame;
        }
        static void operator delete(void* frame, std::size_t size) noexcept {
            ++detail::generator_frames.freed;
            detail::generator_frames.live_bytes -= size;
            ::operator delete(frame);
        }

        Generator get_return_object() noexcept { return Generator(Handle::from_promise(*this)); }
        // Lazy, like a Python generator: the body starts at the first begin().
        std::suspend_always initial_suspend() const noexcept { return {}; }
        // Stay suspended at the end, so the consumer can still see done() and the exception.
        std::suspend_always final_suspend() const noexcept { return {}; }

        // The value lives in the suspended body (a local or a temporary of the co_yield's full
        // expression) until the body resumes, so pointing at it is enough: no copy.
        std::suspend_always yield_value(const T& value) noexcept {
            current_ = std::addressof(value);
            return {};
        }
        void return_void() const noexcept {}
        void unhandled_exception() noexcept { exception_ = std::current_exception(); }

        // Generators cannot co_await: they are driven by their consumer, not by a loop.
        template <class U>
        std::suspend_never await_transform(U&&) = delete;

        [[nodiscard]] const T& current() const noexcept { return *current_; }
        [[nodiscard]] std::size_t frame_size() const noexcept { return frame_size_; }
        // Hands the body's exception to the consumer, once.
        void rethrow_if_failed() {
            if (exception_) std::rethrow_exception(std::exchange(exception_, nullptr));
        }

    private:
        const T* current_ = nullptr;
        std::exception_ptr exception_;
        std::size_t frame_size_;
    };

    using Handle = std::coroutine_handle<promise_type>;

    // An input iterator: each ++ resumes the body to its next co_yield.
    class iterator {
    public:
        using iterator_concept = std::input_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;

        iterator() = default;

        const T& operator*() const noexcept { return handle_.promise().current(); }
        const T* operator->() const noexcept { return std::addressof(**this); }
        iterator& operator++() {
            resume(handle_);
            return *this;
        }
        void operator++(int) { ++*this; }
        friend bool operator==(const iterator& it, std::default_sentinel_t) noexcept {
            return !it.handle_ || it.handle_.done();
        }

    private:
        friend class Generator;
        explicit iterator(Handle handle) noexcept : handle_(handle) {}
        Handle handle_;
    };

    Generator(Generator&& other) noexcept : handle_(std::exchange(other.handle_, {})) {}
    Generator& operator=(Generator&& other) noexcept {
        if (this != &other) {
            destroy();
            handle_ = std::exchange(other.handle_, {});
        }
        return *this;
    }
    Generator(const Generator&) = delete;
    Generator& operator=(const Generator&) = delete;
    ~Generator() { destroy(); }

    // Runs the body to its next co_yield. A second loop over a generator goes on from where the
    // first one stopped, as in Python: a generator is a single pass.
    iterator begin() {
        resume(handle_);
        return iterator(handle_);
    }
    std::default_sentinel_t end() const noexcept { return {}; }

    // The bytes the compiler allocated for this generator's frame (0 once moved from).
    [[nodiscard]] std::size_t frame_size() const noexcept { return handle_ ? handle_.promise().frame_size() : 0; }

private:
    explicit Generator(Handle handle) noexcept : handle_(handle) {}

    // Resuming a finished coroutine is undefined behaviour, so a finished generator stays put.
    static void resume(Handle handle) {
        if (!handle || handle.done()) return;
        handle.resume();
        handle.promise().rethrow_if_failed();
    }
    void destroy() noexcept {
        if (handle_) destroy_frame(handle_);
    }
    // Out of line on purpose. If the optimiser saw this destroy() next to the call that made the
    // generator, clang could put the frame on the caller's stack (heap allocation elision), and
    // frame_size() and generator_frames() would count only some frames, differently at each -O
    // level. Through an opaque call the frame is always one heap allocation, as in the lesson.
    [[gnu::noinline]] static void destroy_frame(Handle handle) noexcept { handle.destroy(); }

    Handle handle_;
};

}  // namespace aio
