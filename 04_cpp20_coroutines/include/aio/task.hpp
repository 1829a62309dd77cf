// aio::Task<T>: a coroutine scheduled on the loop (asyncio.create_task). The handle is cheap to
// copy; the task itself is its root frame, kept alive by handles, awaiters and the loop. Many
// coroutines may await one task: each gets a copy of the result, or of the exception; the last
// handle to await it takes the result by move, so move-only results work.
//
// Awaiting a task passes a cancel() of the awaiting task on to it, as in asyncio: both end up
// cancelled. A shielded wait (asyncio.shield) is the same wait without that: construct the
// awaiter as Task<T>::Awaiter(task, CancelForwarding::off) and co_await it. A cancel() of the
// waiting task then cuts the wait short at once (CancelledError where it waits, next turn),
// and the awaited task runs on, held by whoever else holds it.
// Sections "loop", "tasks" and "cancel".
#pragma once

#include <coroutine>
#include <stdexcept>
#include <utility>

#include "aio/coroutine.hpp"
#include "aio/event_loop.hpp"
#include "aio/waiter_list.hpp"

namespace aio {

template <class T = void>
class Task {
public:
    using value_type = T;

    Task() noexcept = default;
    Task(const Task& other) noexcept : root_(other.root_) {
        if (root_ != nullptr) root_->add_ref();
    }
    Task(Task&& other) noexcept : root_(std::exchange(other.root_, nullptr)) {}
    Task& operator=(Task other) noexcept {
        std::swap(root_, other.root_);
        return *this;
    }
    ~Task() {
        if (root_ != nullptr) root_->release();
    }

    [[nodiscard]] bool valid() const noexcept { return root_ != nullptr; }
    [[nodiscard]] bool done() const { return root().done; }
    // True when it finished by letting CancelledError escape.
    [[nodiscard]] bool cancelled() const { return root().done && root().cancelled; }
    // Asks the task to stop: CancelledError is raised where it waits, at the loop's next turn.
    // False if it has finished already.
    bool cancel() { return root().cancel(); }
    // The result of a finished task (its exception is rethrown); std::logic_error before that.
    // A copy, or for a move-only T the value itself, moved out to its first reader.
    T result() const {
        if (!done()) throw std::logic_error("Task::result: the task has not finished (asyncio: InvalidStateError)");
        return root().read_result(false);
    }
    // For whoever consumes this handle (an awaiter, run, gather): the result moves out when this
    // is the last reference, so nobody else could read it.
    T take_result() {
        if (!done()) throw std::logic_error("Task::result: the task has not finished (asyncio: InvalidStateError)");
        return root().read_result(root().refs == 1);
    }

    class Awaiter;
    Awaiter operator co_await() const& { return Awaiter(*this); }
    Awaiter operator co_await() && { return Awaiter(std::move(*this)); }

    // For gather, wait_for and the loop: the task's root frame.
    [[nodiscard]] detail::Promise<T>& root() const {
        if (root_ == nullptr) throw std::logic_error("an empty aio::Task (default-constructed or moved from)");
        return *root_;
    }

private:
    friend class EventLoop;
    explicit Task(detail::Promise<T>* root) noexcept : root_(root) { root_->add_ref(); }

    detail::Promise<T>* root_ = nullptr;
};

enum class CancelForwarding { on, off };

// Waits on the loop until the task finishes: the waiter joins the task's WaiterList and is
// woken through the ready queue. A finished task is not waited for at all.
template <class T>
class Task<T>::Awaiter final : public detail::CancelTarget {
public:
    explicit Awaiter(Task task, CancelForwarding forwarding = CancelForwarding::on) noexcept
        : task_(std::move(task)), forwarding_(forwarding) {}
    Awaiter(const Awaiter&) = delete;
    Awaiter& operator=(const Awaiter&) = delete;
    ~Awaiter() = default;

    [[nodiscard]] bool await_ready() const {
        const detail::PromiseBase* running = detail::PromiseBase::current();
        const detail::PromiseBase& awaited = task_.root();
        if (running == &awaited)
            throw std::logic_error("a task cannot await itself (asyncio: Task cannot await on itself)");
        if (running != nullptr && running->loop != awaited.loop && !awaited.done) {
            throw std::logic_error(
                "awaiting a task of another event loop (asyncio: Task got Future attached to a different loop)");
        }
        return awaited.done;
    }
    template <std::derived_from<detail::PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
        waiting_ = frame.promise().task;
        if (forwarding_ == CancelForwarding::on) waiting_->cancel_target = this;
        waiting_->suspend_on(task_.root_->waiters, node_, frame);
    }
    T await_resume() {
        if (waiting_ != nullptr) {
            waiting_->cancel_target = nullptr;
            waiting_->throw_if_cancelled();
        }
        return task_.take_result();
    }

    bool forward_cancel(detail::PromiseBase*& next) noexcept override {
        if (task_.root_->done) return false;
        next = task_.root_;
        return true;
    }

private:
    Task task_;                // keeps the awaited task alive while we wait
    detail::WaiterNode node_;  // declared after task_: leaves its list first
    detail::PromiseBase* waiting_ = nullptr;
    CancelForwarding forwarding_;
};

template <class T>
Task<T> EventLoop::create_task(Coroutine<T> coroutine) {
    if (closed_) throw std::logic_error("create_task: the event loop is closed");
    const std::coroutine_handle<detail::Promise<T>> frame = coroutine.release();
    if (!frame) throw std::logic_error("create_task: an empty aio::Coroutine (awaited already or moved from)");
    detail::Promise<T>& root = frame.promise();
    root.task = &root;
    root.continuation = frame;  // the root's own handle: destroyed when the last reference goes
    root.loop = this;
    adopt(&root);
    Task<T> task(&root);
    schedule(&root);  // starts at the next turn, after the tasks created before it
    return task;
}

template <class T>
T EventLoop::run_until_complete(Task<T> main) {
    check_not_running("run_until_complete");
    if (main.root().loop != this) throw std::logic_error("run_until_complete: the task belongs to another event loop");
    run_until(main.root());
    return main.take_result();
}

template <class T>
T EventLoop::run_until_complete(Coroutine<T> main) {
    check_not_running("run_until_complete");  // before create_task: refused means nothing scheduled
    return run_until_complete(create_task(std::move(main)));
}

// asyncio.create_task: a task on the running loop.
template <class T>
Task<T> create_task(Coroutine<T> coroutine) {
    return get_running_loop().create_task(std::move(coroutine));
}

}  // namespace aio
