// co_await FirstDone(tasks, deadline): suspends until one of `tasks` has finished or the
// deadline passes, whichever comes first. A cancel() of the waiting task ends the wait with
// CancelledError and goes no further: the tasks waited for are left alone. The building block
// of wait and shield.
#pragma once

#include <algorithm>
#include <concepts>
#include <coroutine>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>

#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"
#include "aio/waiter_list.hpp"

namespace aio::detail {

class FirstDone {
public:
    // `tasks` must outlive the wait, and must not be empty unless there is a deadline.
    FirstDone(std::span<PromiseBase* const> tasks, std::optional<double> deadline) noexcept
        : tasks_(tasks), deadline_(deadline) {}
    FirstDone(const FirstDone&) = delete;
    FirstDone& operator=(const FirstDone&) = delete;
    ~FirstDone() = default;

    [[nodiscard]] bool await_ready() const noexcept {
        return std::any_of(tasks_.begin(), tasks_.end(), [](const PromiseBase* task) { return task->done; });
    }
    // One wake-up id for every node and the timer: the first of them wakes the task, and the
    // others are stale from then on.
    template <std::derived_from<PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        PromiseBase* waiting = frame.promise().task;
        EventLoop& loop = *waiting->loop;
        nodes_ = std::make_unique<WaiterNode[]>(tasks_.size());
        const std::uint64_t id = loop.new_wait_id();
        for (std::size_t i = 0; i < tasks_.size(); ++i) tasks_[i]->waiters.push_back(nodes_[i], waiting, id);
        if (deadline_) loop.add_timer(*deadline_, waiting, id);
        waiting->suspend(frame, id);
        waiting_ = waiting;
    }
    void await_resume() {
        nodes_.reset();  // leave the lists of the tasks still running now, not when the frame goes
        if (waiting_ != nullptr) waiting_->throw_if_cancelled();
    }

private:
    std::span<PromiseBase* const> tasks_;
    std::optional<double> deadline_;
    std::unique_ptr<WaiterNode[]> nodes_;  // one per task, each in that task's waiter list
    PromiseBase* waiting_ = nullptr;
};

}  // namespace aio::detail
