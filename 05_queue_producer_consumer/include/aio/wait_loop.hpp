// The slow path of Queue::get() and Queue::put(): asyncio's `while self.empty(): ... await
// getter` loop. It must be a coroutine, because a woken task that finds the item taken by
// someone else waits again, and only a coroutine can suspend twice. Like aio::Coroutine<void>
// it runs inline in the awaiting task; unlike it, its frames are recycled: a million waits
// allocate nothing once the first few frames exist (05_bench counts allocations per item).
#pragma once

#include <concepts>
#include <coroutine>
#include <cstddef>
#include <exception>
#include <new>
#include <utility>
#include <vector>

#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"

namespace aio::detail {

// Freed frames, kept by size for the next wait of the same kind (a handful of sizes: one per
// queue type). Per thread, as a loop is; given back to the heap when the thread ends, and a
// frame freed after that (a loop destroyed during static destruction) goes straight back.
class FrameCache {
public:
    static void* allocate(std::size_t size) {
        if (!gone()) {
            for (Frames& frames : lists()) {
                if (frames.size == size && !frames.free.empty()) {
                    void* frame = frames.free.back();
                    frames.free.pop_back();
                    return frame;
                }
            }
        }
        return ::operator new(size);
    }
    static void deallocate(void* frame, std::size_t size) noexcept {
        if (gone()) {
            ::operator delete(frame);
            return;
        }
        try {
            for (Frames& frames : lists()) {
                if (frames.size == size) {
                    frames.free.push_back(frame);
                    return;
                }
            }
            lists().push_back(Frames{size, {frame}});
        } catch (...) {  // no memory to remember it: give it back
            ::operator delete(frame);
        }
    }

private:
    struct Frames {
        std::size_t size;
        std::vector<void*> free;
    };
    struct Lists : std::vector<Frames> {
        Lists() = default;
        Lists(const Lists&) = delete;
        Lists& operator=(const Lists&) = delete;
        ~Lists() {
            for (Frames& frames : *this) {
                for (void* frame : frames.free) ::operator delete(frame);
            }
            gone() = true;
        }
    };
    static Lists& lists() {
        thread_local Lists cached;
        return cached;
    }
    // Set when the thread's lists are destroyed. A bool has no destructor: it stays readable.
    static bool& gone() noexcept {
        thread_local bool destroyed = false;
        return destroyed;
    }
};

class WaitLoop {
public:
    struct promise_type : PromiseBase {
        WaitLoop get_return_object() noexcept {
            return WaitLoop(std::coroutine_handle<promise_type>::from_promise(*this));
        }
        FinalAwaiter final_suspend() const noexcept { return {}; }
        void return_void() const noexcept {}
        static void* operator new(std::size_t size) { return FrameCache::allocate(size); }
        static void operator delete(void* frame, std::size_t size) noexcept { FrameCache::deallocate(frame, size); }
    };

    explicit WaitLoop(std::coroutine_handle<promise_type> frame) noexcept { link_.frame = frame; }
    WaitLoop(WaitLoop&& other) noexcept { link_.frame = std::exchange(other.link_.frame, nullptr); }
    WaitLoop& operator=(WaitLoop&&) = delete;
    WaitLoop(const WaitLoop&) = delete;
    WaitLoop& operator=(const WaitLoop&) = delete;
    // As aio::Coroutine's awaiter: torn down while suspended, the frames below go first.
    ~WaitLoop() {
        if (!link_.frame) return;  // destroyed from below already
        PromiseBase& loop = promise();
        if (loop.task != nullptr && !link_.frame.done()) destroy_inner_frames(*loop.task, link_);
        link_.frame.destroy();
    }

    // co_await: as for an aio::Coroutine, the loop's frame goes on the task's stack of inline
    // awaits, and the task's trampoline runs it (no nested resume).
    [[nodiscard]] bool await_ready() const noexcept { return false; }
    template <std::derived_from<PromiseBase> ParentPromise>
    void await_suspend(std::coroutine_handle<ParentPromise> parent) noexcept {
        PromiseBase& loop = promise();
        PromiseBase& root = *parent.promise().task;
        loop.continuation = parent;
        loop.task = &root;
        link_.up = root.inline_top;
        root.inline_top = &link_;
        root.loop->hand_off(link_.frame);
    }
    void await_resume() const {
        if (promise().error) std::rethrow_exception(promise().error);
    }

private:
    [[nodiscard]] promise_type& promise() const {
        return std::coroutine_handle<promise_type>::from_address(link_.frame.address()).promise();
    }

    ChildLink link_;
};

}  // namespace aio::detail
