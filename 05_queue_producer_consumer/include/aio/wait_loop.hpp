// The slow path of Queue::get() and Queue::put(): asyncio's `while self.empty(): ... await
// getter` loop. It must be a coroutine, because a woken task that finds the item taken by
// someone else waits again, and only a coroutine can suspend twice. Like aio::Coroutine<void>
// it runs inline in the awaiting task, and its frames are recycled as every aio frame is
// (aio/frame_pool.hpp): a million waits allocate nothing once the first few frames exist
// (05_bench counts allocations per item).
#pragma once

#include <concepts>
#include <coroutine>
#include <exception>
#include <utility>

#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"

namespace aio::detail {

class WaitLoop {
public:
    struct promise_type : PromiseBase {
        WaitLoop get_return_object() noexcept {
            return WaitLoop(std::coroutine_handle<promise_type>::from_promise(*this));
        }
        FinalAwaiter final_suspend() const noexcept { return {}; }
        void return_void() const noexcept {}
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
