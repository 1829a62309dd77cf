// The event loop: a ready queue, a timer heap, an I/O selector (epoll) and a clock. run_once()
// is one turn, the way asyncio's BaseEventLoop._run_once is: everything else (tasks, sleep,
// gather, streams) is built on schedule(), add_timer() and the selector. Section "loop" reads
// it aloud.
#pragma once

#include <atomic>
#include <cassert>
#include <coroutine>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <utility>

#include "aio/promise_base.hpp"
#include "aio/ready_queue.hpp"
#include "aio/selector.hpp"
#include "aio/timer_heap.hpp"
#include "common/clock.hpp"

namespace aio {

template <class T>
class Coroutine;
template <class T>
class Task;
namespace detail {
class ThreadPool;
}

// Virtual time and deadlocks. On virtual time, when no task can run and no timer is set, the
// clock reports a deadlock (std::logic_error "virtual clock: ... (deadlock)") instead of waiting
// for ever, unless a thread it knows of (a to_thread job) may still post work. With tasks
// waiting for I/O the loop must first know that no byte can come from outside: it does when
// every fd a task waits on is a pipe end or a connected TCP socket whose other end this loop
// watches too (Selector::only_own_ends). It cannot know, and waits in epoll as on real time,
// when a task waits on a listening socket (any process may connect), on a child (its pidfd or
// its pipes), or on an fd whose other end it does not watch (another process, or a thread of
// yours may hold it). Nor does it see a thread the clock does not know of (a plain std::thread,
// not a to_thread job or a common::ClockThread): if such a thread is what would wake the loop,
// writing to an end the loop watches or calling call_soon_threadsafe, the deadlock is reported
// all the same. Nor another process that inherited an end it watches.
struct RunOptions {
    bool virtual_time = false;
    double speed = 1.0;
    // Run on this clock instead of a new one: a lesson section passes ctx.clock, so the log's
    // timestamps and the loop's time() agree.
    common::Clock* clock = nullptr;
};

// What went wrong, for the loop's exception handler (asyncio passes a dict with the same keys).
struct ErrorContext {
    std::string message;           // "Exception in callback", "Task exception was never retrieved", ...
    std::exception_ptr exception;  // may be null ("Task was destroyed but it is pending")
    // One line: the message, then what the exception says.
    [[nodiscard]] std::string describe() const;
};
using ExceptionHandler = std::function<void(const ErrorContext&)>;

class EventLoop {
public:
    explicit EventLoop(RunOptions options = {});
    EventLoop(const EventLoop&) = delete;
    EventLoop& operator=(const EventLoop&) = delete;
    // Closes the loop: unfinished tasks end cancelled, and their frames are destroyed (their
    // destructors run) unless a Task handle still holds one. Destroying a loop while it runs
    // (from one of its callbacks) is a bug that cannot be recovered from: a clear message on
    // stderr, then std::terminate.
    ~EventLoop();

    // Runs the loop until `main` finishes; returns its result or rethrows its exception.
    template <class T>
    T run_until_complete(Coroutine<T> main);
    template <class T>
    T run_until_complete(Task<T> main);
    // Runs the loop until stop().
    void run_forever();
    // Schedules `coroutine` as a task on this loop (aio::create_task uses the running loop).
    template <class T>
    Task<T> create_task(Coroutine<T> coroutine);

    void call_soon(std::function<void()> callback);
    void call_later(double delay, std::function<void()> callback);
    // The one call another thread may make: the loop wakes up (from epoll too) and runs `callback`.
    void call_soon_threadsafe(std::function<void()> callback);

    [[nodiscard]] double time() const { return clock_->now(); }
    [[nodiscard]] common::Clock& clock() const noexcept { return *clock_; }
    // Stops run_forever() (or run_until_complete(), with an error) after the current turn.
    void stop() noexcept { stopping_ = true; }
    void close();
    [[nodiscard]] bool is_running() const noexcept { return running_; }
    [[nodiscard]] bool is_closed() const noexcept { return closed_; }
    // How many turns the loop has made.
    [[nodiscard]] std::uint64_t iterations() const noexcept { return iterations_; }
    // Timers not fired yet: sleeping tasks, wait_for deadlines, call_later callbacks.
    [[nodiscard]] std::size_t pending_timers() const noexcept { return timers_.size(); }
    // Tasks waiting for an fd to be ready (a read, a write, an accept, a child's exit).
    [[nodiscard]] std::size_t pending_io() const noexcept { return selector_ ? selector_->waiting() : 0; }
    // Fds the loop's epoll watches now.
    [[nodiscard]] std::size_t watched_fds() const noexcept { return selector_ ? selector_->watched() : 0; }
    // System calls made by the loop and the I/O on it (epoll, reads, writes, accepts...):
    // 04_bench divides them by the round trips of its echo server.
    [[nodiscard]] std::uint64_t syscalls() const noexcept { return syscalls_; }
    void count_syscall(std::uint64_t count = 1) noexcept { syscalls_ += count; }

    // asyncio's set_exception_handler: errors nobody else can take (a callback's exception, a
    // task exception never retrieved) go here. An empty handler restores the default: one
    // line on stderr, "Exception in callback: ...".
    void set_exception_handler(ExceptionHandler handler) { exception_handler_ = std::move(handler); }
    void call_exception_handler(const ErrorContext& context) noexcept;

    // ---- what awaitables use (sleep, Task, Future; chapter 05's Queue and Lock) ----
    // `task` runs its next step at the next turn.
    void schedule(detail::PromiseBase* task) {
        if (!closed_) ready_.push(task);
    }
    // `task` is woken with `id` at `deadline`, unless something else woke it first (then
    // reschedule() takes the timer out).
    void add_timer(double deadline, detail::PromiseBase* task, std::uint64_t id);
    void remove_timer(detail::PromiseBase& task) noexcept { timers_.remove(task); }
    [[nodiscard]] std::uint64_t new_wait_id() noexcept { return ++last_id_; }
    // The epoll instance, created on first use (IoWatch): a loop without I/O has none.
    detail::Selector& selector();
    // Symmetric transfer by trampoline: "resume this frame next" (see PromiseBase::step).
    void hand_off(std::coroutine_handle<> next) noexcept { hand_off_ = next; }
    [[nodiscard]] std::coroutine_handle<> take_hand_off() noexcept { return std::exchange(hand_off_, nullptr); }
    // A task starts: the loop holds it until it finishes (or the loop closes).
    void adopt(detail::PromiseBase* task) noexcept;
    // A task finished: the loop lets go of it.
    void forget(detail::PromiseBase* task) noexcept;
    // Runs the loop until `task` finishes (run_until_complete's engine).
    void run_until(const detail::PromiseBase& task);
    // asyncio.run's end: cancels every unfinished task and runs until those have finished;
    // tasks created meanwhile are not waited for, but reported ("Task was destroyed but it is
    // pending") and left to close().
    void cancel_all_tasks();
    [[nodiscard]] std::size_t unfinished_tasks() const noexcept { return unfinished_; }

    // asyncio's default executor, for to_thread: started at first use, joined by close() and
    // ~EventLoop once the tasks' frames are gone. Throws std::logic_error on a closed loop.
    detail::ThreadPool& executor();

private:
    void run_once();
    void wait_for_work(double deadline);
    void poll_io();
    [[nodiscard]] double next_deadline() const {
        return timers_.empty() ? common::forever : timers_.earliest().deadline;
    }
    void fire(const detail::Timer& timer);
    template <class Done>
    void run_while(Done done);
    void destroy_everything() noexcept;
    void run_callback(const std::function<void()>& callback) noexcept;
    // Refuses to run inside a running loop, before anything is scheduled.
    void check_not_running(const char* what) const;

    std::unique_ptr<common::Clock> own_clock_;
    common::Clock* clock_;
    // Not null when time is real (scaled): the loop then sleeps in epoll_wait with a timeout.
    // On a virtual clock it polls without waiting, and the clock jumps when nothing is ready.
    const common::ScaledClock* real_clock_;
    std::unique_ptr<detail::Selector> selector_;  // set under threadsafe_mutex_ (wakeup() reads it)
    std::uint64_t syscalls_ = 0;
    detail::ReadyQueue ready_;
    detail::TimerHeap timers_;
    std::unordered_map<std::uint64_t, std::function<void()>> timer_callbacks_;  // call_later's
    detail::PromiseBase* live_head_ = nullptr;  // unfinished tasks in creation order, linked
    detail::PromiseBase* live_tail_ = nullptr;  // through their frames
    std::size_t unfinished_ = 0;
    std::coroutine_handle<> hand_off_;
    std::uint64_t last_id_ = 0;
    std::uint64_t iterations_ = 0;
    ExceptionHandler exception_handler_;
    bool running_ = false;
    bool stopping_ = false;
    bool closed_ = false;

    // call_soon_threadsafe: the only state another thread touches.
    std::mutex threadsafe_mutex_;
    std::deque<std::function<void()>> threadsafe_callbacks_;
    bool threadsafe_closed_ = false;  // closed_, as other threads may read it (under the mutex)
    std::atomic<bool> has_threadsafe_{false};
    common::ClockCondition wakeup_;

    std::unique_ptr<detail::ThreadPool> executor_;
};

// The loop running in this thread, or nullptr.
EventLoop* running_loop() noexcept;
// The running loop; throws std::logic_error outside one (asyncio: RuntimeError).
EventLoop& get_running_loop();
// The running loop's time, in seconds.
inline double time() { return get_running_loop().time(); }

// ---- the task's side of scheduling: short, and inline because every await goes through it ----

namespace detail {

inline void PromiseBase::suspend(std::coroutine_handle<> frame, std::uint64_t id) noexcept {
    assert(frame == resume_point());  // the innermost frame, found again through inline_top
    (void)frame;
    wait_id = id;
    // Cancelled while it ran: the cancel goes to what it waits on now, or, if nothing takes
    // it, CancelledError is delivered at this suspension point, next turn.
    if (id != 0 && cancel_requested) {
        cancel_requested = false;
        cancel();
    }
}

inline void PromiseBase::reschedule() noexcept {
    wait_id = 0;  // whatever else would have woken it is stale now
    if (timer_slot != 0) loop->remove_timer(*this);
    loop->schedule(this);
}

inline void PromiseBase::abandon() noexcept {
    wait_id = 0;
    timer_slot = 0;
    cancel_target = nullptr;
    error = std::make_exception_ptr(CancelledError{});
    done = cancelled = true;
}

inline std::uint64_t PromiseBase::suspend_on(WaiterList& list, WaiterNode& node,
                                             std::coroutine_handle<> frame) noexcept {
    const std::uint64_t id = loop->new_wait_id();
    list.push_back(node, this, id);
    suspend(frame, id);
    return id;
}

inline bool PromiseBase::wake(std::uint64_t id) noexcept {
    if (done || id == 0 || id != wait_id) return false;  // stale: woken already, or cancelled
    reschedule();
    return true;
}

// asyncio's Task.cancel(): passed on to what the task awaits if that takes it (the task then
// learns of it from there), else CancelledError at the task's suspension point, next turn. A
// task that is ready or running gets it at its next suspension, or ends cancelled if it returns
// first. Twice before delivery is once: the request is a flag.
inline bool PromiseBase::cancel() noexcept {
    if (done) return false;
    PromiseBase* target = this;
    while (target != nullptr) {
        PromiseBase* next = nullptr;
        if (target->cancel_target == nullptr || !target->cancel_target->forward_cancel(next)) {
            target->cancel_requested = true;
            if (target->wait_id != 0) target->reschedule();
            return true;
        }
        target = next;  // an awaited task, not done: cancel it the same way
    }
    return true;
}

inline void PromiseBase::finish() noexcept {
    if (!error && cancel_requested) {  // cancelled during its last step: it ends cancelled
        error = std::make_exception_ptr(CancelledError{});
        cancelled = true;
    }
    cancel_requested = false;
    done = true;
    wait_id = loop->new_wait_id();  // the order tasks finished in: gather's "first exception"
    waiters.wake_all();             // through the ready queue, never from inside this frame
}

inline void PromiseBase::step() noexcept {
    if (!started) {
        started = true;
        if (cancel_requested) finish();  // cancelled before its first step: the body never runs
    }
    // The trampoline: a frame that starts a child or finishes hands the next frame to the loop
    // and returns here, instead of resuming it from inside itself. The stack stays flat however
    // long the chain of awaits, with or without the compiler's tail calls.
    std::coroutine_handle<> next = done ? nullptr : resume_point();
    current() = this;
    while (next) {
        next.resume();
        next = loop->take_hand_off();
    }
    current() = nullptr;
    if (done) loop->forget(this);  // may destroy this frame: the last thing step() does
}

// Destroys a task's root frame once nothing refers to it. A frame destroyed here may drop the
// last reference to another task (a pipeline: each stage holds the one before): that one waits
// in a list (linked through live_next, free once a task is done) and goes after, so a chain of
// 100'000 tasks is freed in a loop, not by recursion.
void destroy_root(PromiseBase* root) noexcept;

inline void PromiseBase::release() noexcept {
    if (--refs == 0) destroy_root(this);
}

// A task torn down while suspended in nested inline awaits: destroys the frames below `until`
// innermost first, so each destruction is shallow (its own child is gone already) and the
// RAII cleanup runs in the order an exception would have run it.
inline void destroy_inner_frames(PromiseBase& root, ChildLink& until) noexcept {
    while (root.inline_top != &until) {
        ChildLink* link = root.inline_top;
        root.inline_top = link->up;
        std::exchange(link->frame, nullptr).destroy();
    }
    root.inline_top = until.up;
}

inline void WaiterNode::wake() const noexcept { task_->wake(wait_id_); }

// The end of every aio coroutine: a task's root wakes its awaiters; a child hands control
// back to its parent.
struct FinalAwaiter {
    FinalAwaiter() noexcept = default;
    [[nodiscard]] bool await_ready() const noexcept { return false; }
    template <class Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) const noexcept {
        PromiseBase& promise = frame.promise();
        if (promise.is_task_root()) {
            promise.finish();
        } else {
            PromiseBase& root = *promise.task;
            root.inline_top = root.inline_top->up;  // this child's link: the innermost
            root.loop->hand_off(promise.continuation);
        }
    }
    void await_resume() const noexcept {}
};

}  // namespace detail
}  // namespace aio
