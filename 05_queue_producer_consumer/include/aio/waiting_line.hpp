// The line of tasks waiting for a queue item, a free slot, a lock, a permit or an event: asyncio's
// deque of waiter futures in queues.py and locks.py. Used by every type of chapter 05.
//
// aio's WaiterList wakes everyone at once (a task finished, a future was set). A line wakes one
// task at a time, so it needs two things more: it skips tasks that were cancelled while they
// waited (their wake-up id is stale), and it tells a task that it was woken, so that a task
// cancelled right after its wake-up (in the same turn) can pass the wake-up on instead of losing it.
#pragma once

#include <concepts>
#include <coroutine>
#include <cstddef>
#include <cstdint>

#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"

namespace aio::detail {

class WaitingLine;

// A task's place in a line. It lives in the task's awaiter, so waiting allocates nothing, and it
// leaves the line in its destructor: a frame destroyed while it waits leaves no dangling pointer.
class Place {
public:
    Place() = default;
    Place(const Place&) = delete;
    Place& operator=(const Place&) = delete;
    ~Place() { leave(); }

    [[nodiscard]] bool in_line() const noexcept { return line_ != nullptr; }
    // The line woke this task (its turn came); false if it was cancelled before that.
    [[nodiscard]] bool woken() const noexcept { return woken_; }
    inline void leave() noexcept;

private:
    friend class WaitingLine;
    PromiseBase* task_ = nullptr;
    std::uint64_t wait_id_ = 0;
    WaitingLine* line_ = nullptr;
    Place* previous_ = nullptr;
    Place* next_ = nullptr;
    bool woken_ = false;
};

class WaitingLine {
public:
    WaitingLine() = default;
    WaitingLine(const WaitingLine&) = delete;
    WaitingLine& operator=(const WaitingLine&) = delete;
    ~WaitingLine() {
        while (first_ != nullptr) remove(*first_);
    }

    // Places in line, including tasks cancelled meanwhile that have not run since (asyncio's
    // len(self._getters) counts their cancelled futures the same way).
    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return first_ == nullptr; }
    // Is somebody in line still waiting (not cancelled)? asyncio: any(not w.cancelled() ...).
    [[nodiscard]] bool anyone_waiting() const noexcept {
        for (const Place* place = first_; place != nullptr; place = place->next_) {
            if (still_waiting(*place)) return true;
        }
        return false;
    }

    // The task joins the back of the line and suspends at `frame` until its turn (or a cancel).
    void wait(Place& place, PromiseBase& task, std::coroutine_handle<> frame) noexcept {
        place.task_ = &task;
        place.wait_id_ = task.loop->new_wait_id();
        place.woken_ = false;
        append(place);
        task.suspend(frame, place.wait_id_);
    }

    // Wakes the first task still waiting, through the ready queue; the cancelled ones before it
    // just leave. False when nobody waits.
    bool wake_first() noexcept {
        while (first_ != nullptr) {
            Place& place = *first_;
            remove(place);
            if (place.task_->wake(place.wait_id_)) {
                place.woken_ = true;
                return true;
            }
        }
        return false;
    }
    void wake_all() noexcept {
        while (wake_first()) {}
    }

private:
    friend class Place;

    static bool still_waiting(const Place& place) noexcept {
        return !place.task_->done && place.task_->wait_id == place.wait_id_;
    }
    void append(Place& place) noexcept {
        place.line_ = this;
        place.previous_ = last_;
        place.next_ = nullptr;
        (last_ != nullptr ? last_->next_ : first_) = &place;
        last_ = &place;
        ++size_;
    }
    void remove(Place& place) noexcept {
        (place.previous_ != nullptr ? place.previous_->next_ : first_) = place.next_;
        (place.next_ != nullptr ? place.next_->previous_ : last_) = place.previous_;
        place.line_ = nullptr;
        place.previous_ = place.next_ = nullptr;
        --size_;
    }

    Place* first_ = nullptr;  // the longest waiter
    Place* last_ = nullptr;
    std::size_t size_ = 0;
};

inline void Place::leave() noexcept {
    if (line_ != nullptr) line_->remove(*this);
}

// co_await Turn(line, pass_on): waits in `line` until woken. If the task is cancelled instead,
// it leaves the line; if it was cancelled after its wake-up, it first calls pass_on(), which
// hands the wake-up to the next task when what it announced is still there (an item, a slot).
// The primitives' awaiters hold one and call it only when their fast path failed, so
// await_resume is a no-op for a Turn that never suspended.
template <class PassOn>
class Turn {
public:
    Turn(WaitingLine& line, PassOn pass_on) noexcept : line_(line), pass_on_(pass_on) {}
    Turn(const Turn&) = delete;
    Turn& operator=(const Turn&) = delete;
    ~Turn() = default;

    [[nodiscard]] bool await_ready() const noexcept { return false; }
    template <std::derived_from<PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
        task_ = frame.promise().task;
        line_.wait(place_, *task_, frame);
    }
    void await_resume() {
        if (task_ == nullptr) return;
        place_.leave();
        try {
            task_->throw_if_cancelled();
        } catch (...) {
            if (place_.woken()) pass_on_();
            throw;
        }
    }

private:
    WaitingLine& line_;
    PassOn pass_on_;
    Place place_;
    PromiseBase* task_ = nullptr;
};

}  // namespace aio::detail
