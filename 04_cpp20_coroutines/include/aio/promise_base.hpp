// What every aio coroutine frame holds next to the body's locals, and, in the frame at the root
// of a task, the task itself: its loop, where it resumes, who awaits it, who still needs it.
// A task is therefore one allocation: its root frame. Sections "coroutine" and "loop" use it.
#pragma once

#include <coroutine>
#include <cstdint>
#include <exception>
#include <utility>

#include "aio/errors.hpp"
#include "aio/waiter_list.hpp"

namespace aio {

class EventLoop;

namespace detail {

struct PromiseBase {
    PromiseBase() = default;
    PromiseBase(const PromiseBase&) = delete;
    PromiseBase& operator=(const PromiseBase&) = delete;

    // ---- every frame ----
    // A child's parent (resumed when the child finishes). A task's root has no parent: the
    // slot holds the root's own handle, to destroy the frame when the last reference goes.
    std::coroutine_handle<> continuation;
    PromiseBase* task = nullptr;  // the root of the task this frame runs in
    std::exception_ptr error;     // what escaped the body, rethrown to whoever awaits it

    // ---- the root of a task ----
    EventLoop* loop = nullptr;
    std::coroutine_handle<> resume_point;  // the innermost suspended frame: where the task goes on
    WaiterList waiters;                    // tasks that co_await this one
    PromiseBase* live_prev = nullptr;      // the loop's list of unfinished tasks
    PromiseBase* live_next = nullptr;
    // Which wake-up may resume the task: a timer or WaiterNode carries the id it was given,
    // and a stale one (the task was cancelled, or woken by another) no longer matches.
    // 0 while the task runs or sits in the ready queue. Once done: the order it finished in.
    std::uint64_t wait_id = 0;
    std::uint32_t refs = 0;  // Task handles, awaiters, timers, and the loop until it finishes
    bool started = false;
    bool done = false;
    bool cancel_requested = false;  // cancel() was called and CancelledError not delivered yet
    bool cancelled = false;         // it finished by letting CancelledError escape
    bool shielded = false;          // waits that cancel() must not cut short (cleaning up)

    [[nodiscard]] bool is_task_root() const noexcept { return task == this; }

    // The task whose step() runs now on this thread (asyncio.current_task()): what an awaiter
    // resumes into, so it need not keep a pointer of its own in every frame.
    static PromiseBase*& current() noexcept {
        static thread_local PromiseBase* running = nullptr;
        return running;
    }

    // The three calls every promise makes: start lazily, catch what escapes, and hand control
    // back at the end (FinalAwaiter, in event_loop.hpp).
    std::suspend_always initial_suspend() const noexcept { return {}; }
    void unhandled_exception() noexcept {
        error = std::current_exception();
        try {
            throw;
        } catch (const CancelledError&) {
            cancelled = true;
        } catch (...) {}
    }

    // Reference counting of a task's root frame (see `refs`).
    void add_ref() noexcept { ++refs; }
    void release() noexcept {
        if (--refs == 0) continuation.destroy();  // the root's own handle: the promise dies here
    }

    // The task parks at `frame` until a wake-up carrying `id` (or a cancel) comes. Defined with
    // the loop, in event_loop.hpp, like the rest of what schedules.
    void suspend(std::coroutine_handle<> frame, std::uint64_t id) noexcept;
    // The same, queued on `list` through `node` (it lives in the awaiter, so waiting allocates
    // nothing). Returns the wake-up id, which a deadline timer may share (wait_for).
    std::uint64_t suspend_on(WaiterList& list, WaiterNode& node, std::coroutine_handle<> frame) noexcept;
    bool wake(std::uint64_t id) noexcept;
    // Back to the ready queue; any wake-up still pending for the old wait is stale from now on.
    void reschedule() noexcept;
    // The loop closes under an unfinished task: it ends cancelled without running again.
    void abandon() noexcept;
    bool cancel() noexcept;
    // Where a task resumes after waiting on the loop: CancelledError is delivered here.
    void throw_if_cancelled() {
        if (cancel_requested && !shielded) {
            cancel_requested = false;
            throw CancelledError{};
        }
    }
    // Runs the task from its resume point until it waits on the loop again (event_loop.hpp).
    void step() noexcept;
    // The root's body is over: wake whoever awaits it.
    void finish() noexcept;
};

}  // namespace detail
}  // namespace aio
