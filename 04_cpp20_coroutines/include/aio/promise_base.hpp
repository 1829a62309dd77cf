// What every aio coroutine frame holds next to the body's locals, and, in the frame at the root
// of a task, the task itself: its loop, where it resumes, who awaits it, who still needs it.
// A task is therefore one allocation: its root frame. Sections "coroutine" and "loop" use it.
//
//   root frame (the task)                 child frames (co_await child(), inline)
//   +-------------------------------+     +------------------------------------+
//   | inline_top: the innermost     |     | continuation: the parent's handle  |
//   |   inline await, whose frame   |---->| task: the root                     |
//   |   is where the task resumes   |     +------------------------------------+
//   | refs: handles, awaiters, loop |     (its ChildLink, in the parent's awaiter,
//   | cancel_target, wait_id, timer |      points up to the next one out)
//   +-------------------------------+
#pragma once

#include <coroutine>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <utility>

#include "aio/errors.hpp"
#include "aio/frame_pool.hpp"
#include "aio/waiter_list.hpp"

namespace aio {

class EventLoop;

namespace detail {

struct PromiseBase;

// What a suspended task waits on, as far as cancel() is concerned (asyncio: Task._fut_waiter).
// Awaiting a Task, a Future, a gather or a wait_for registers one: a cancel() of the waiting task
// is passed on to what it awaits, and the waiting task then learns the outcome from it (the
// awaited task ends cancelled, so awaiting it raises CancelledError). A wait that registers none
// (sleep, or a shielded wait) is cut short instead: CancelledError at the suspension point.
class CancelTarget {
public:
    // Passes the cancel on; false if it could not (what is awaited is done already), and the
    // waiting task receives CancelledError itself. When what is awaited is one more task, it
    // is stored in `next` for PromiseBase::cancel() to cancel in turn: a long chain of tasks
    // awaiting each other is cancelled in a loop, not by recursion.
    virtual bool forward_cancel(PromiseBase*& next) noexcept = 0;

protected:
    CancelTarget() = default;
    CancelTarget(const CancelTarget&) = default;
    CancelTarget& operator=(const CancelTarget&) = default;
    ~CancelTarget() = default;
};

// An inline await (co_await child()) in progress. The awaiter in the parent frame owns the
// child frame; the links of a task's inline awaits form a stack in the root (inline_top), so a
// task torn down while suspended can destroy its frames innermost first, each one shallow.
struct ChildLink {
    std::coroutine_handle<> frame;  // the child; null once destroyed from below
    ChildLink* up = nullptr;        // the link of the await one level out
};

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
    WaiterList waiters;                     // tasks that co_await this one
    PromiseBase* live_prev = nullptr;       // the loop's list of unfinished tasks; once the task
    PromiseBase* live_next = nullptr;       // is finished, live_next links frames to destroy
    CancelTarget* cancel_target = nullptr;  // what the task awaits now, if a cancel goes on to it
    ChildLink* inline_top = nullptr;        // the innermost inline await (see ChildLink)
    // Which wake-up may resume the task: a timer or WaiterNode carries the id it was given,
    // and a stale one (the task was cancelled, or woken by another) no longer matches.
    // 0 while the task runs or sits in the ready queue. Once done: the order it finished in.
    std::uint64_t wait_id = 0;
    std::uint32_t timer_slot = 0;  // 1 + the task's timer's place in the loop's heap; 0: none
    // Bit-fields, so that a sleeping task's frame stays within 144 bytes (04_bench,
    // bytes_per_task). Not timer_slot: the timer heap stores it for every timer it moves, and a
    // bit-field store would first load the frame's cache line (measured: 1M sleepers, +0.3 s).
    std::uint32_t refs : 27 = 0;  // Task handles, awaiters, and the loop until it finishes
    bool started : 1 = false;
    bool done : 1 = false;
    bool cancel_requested : 1 = false;  // cancel() was called and CancelledError not delivered yet
    bool cancelled : 1 = false;         // it finished by letting CancelledError escape
    bool retrieved : 1 = false;         // someone read the outcome ("never retrieved" otherwise)
    static constexpr std::uint32_t max_refs = (1U << 27) - 1;

    [[nodiscard]] bool is_task_root() const noexcept { return task == this; }
    // Where a suspended task goes on: the innermost frame, the child of its innermost inline
    // await, or the root itself (its own handle is in `continuation`).
    [[nodiscard]] std::coroutine_handle<> resume_point() const noexcept {
        return inline_top != nullptr ? inline_top->frame : continuation;
    }

    // The task whose step() runs now on this thread (asyncio.current_task()): what an awaiter
    // resumes into, so it need not keep a pointer of its own in every frame.
    static PromiseBase*& current() noexcept {
        static thread_local PromiseBase* running = nullptr;
        return running;
    }

    // Every aio frame comes from this thread's FramePool: a coroutine awaited in a loop reuses
    // the frame its last call freed instead of calling malloc.
    static void* operator new(std::size_t size) { return FramePool::allocate(size); }
    static void operator delete(void* frame, std::size_t size) noexcept { FramePool::deallocate(frame, size); }

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

    // Reference counting of a task's root frame (see `refs`). The frame goes when the last
    // reference does (release_root, in event_loop.hpp: without recursion).
    void add_ref() noexcept {
        if (refs == max_refs) too_many_refs();
        ++refs;
    }
    [[noreturn]] static void too_many_refs() noexcept;
    void release() noexcept;

    // The task parks at `frame` until a wake-up carrying `id` (or a cancel) comes. Defined with
    // the loop, in event_loop.hpp, like the rest of what schedules.
    void suspend(std::coroutine_handle<> frame, std::uint64_t id) noexcept;
    // The same, queued on `list` through `node` (it lives in the awaiter, so waiting allocates
    // nothing). Returns the wake-up id, which a deadline timer may share (wait_for).
    std::uint64_t suspend_on(WaiterList& list, WaiterNode& node, std::coroutine_handle<> frame) noexcept;
    bool wake(std::uint64_t id) noexcept;
    // Back to the ready queue; the wait's timer goes, and any other wake-up pending for the old
    // wait is stale from now on.
    void reschedule() noexcept;
    // The loop closes under an unfinished task: it ends cancelled without running again.
    void abandon() noexcept;
    bool cancel() noexcept;
    // Where a task resumes after waiting on the loop: CancelledError is delivered here.
    void throw_if_cancelled() {
        if (cancel_requested) {
            cancel_requested = false;
            throw CancelledError{};
        }
    }
    // Runs the task from its resume point until it waits on the loop again (event_loop.hpp).
    void step() noexcept;
    // The root's body is over: wake whoever awaits it.
    void finish() noexcept;
};

static_assert(sizeof(PromiseBase) <= 88, "a sleeping task's frame must stay within 144 bytes (04_bench)");

}  // namespace detail
}  // namespace aio
