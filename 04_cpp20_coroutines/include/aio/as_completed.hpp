// aio::as_completed: asyncio.as_completed. A range with one element per task; each element is a
// coroutine that, awaited, returns the result of the next task to finish, in finishing order:
//     for (aio::Coroutine<int> next : aio::as_completed(tasks)) { int first = co_await next; }
// A task's exception is thrown by the await that takes its result. Section "racing".
#pragma once

#include <algorithm>
#include <cstddef>
#include <iterator>
#include <deque>
#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

#include "aio/coroutine.hpp"
#include "aio/task.hpp"
#include "aio/wait_checks.hpp"
#include "aio/wait_done.hpp"
#include "aio/waiter_list.hpp"

namespace aio {

namespace detail {

// What the tasks' reporters and the range's coroutines share.
template <class T>
struct FinishedTasks {
    explicit FinishedTasks(std::size_t count) noexcept : total(count) {}
    std::deque<Task<T>> finished;  // in finishing order, not taken yet
    WaiterList takers;             // coroutines waiting for the next one
    std::size_t total;             // one result per task
    std::size_t claimed = 0;       // results taken or being waited for
};

// A reporter's wait takes a cancel() and does nothing with it: a reporter cancelled (aio::run
// cancels every task at its end) would leave a taker waiting for ever.
class IgnoreCancel final : public CancelTarget {
public:
    bool forward_cancel(PromiseBase*& next) noexcept override {
        next = nullptr;  // taken, and passed on to nobody
        return true;
    }
};

// asyncio's done-callback, as a small task: waits for one task, then hands it over. It holds
// nothing of anyone's frame, so it may outlive the range.
template <class T>
Coroutine<void> report_when_done(Task<T> task, std::shared_ptr<FinishedTasks<T>> shared) {
    IgnoreCancel ignore_cancel;
    co_await DoneAwaiter(task.root(), ignore_cancel);
    shared->finished.push_back(std::move(task));
    shared->takers.wake_one();
}

// co_await NextFinished(takers): suspends until a reporter wakes it. CancelledError here when
// the taker is cancelled.
class NextFinished {
public:
    explicit NextFinished(WaiterList& takers) noexcept : takers_(takers) {}
    NextFinished(const NextFinished&) = delete;
    NextFinished& operator=(const NextFinished&) = delete;
    ~NextFinished() = default;

    [[nodiscard]] bool await_ready() const noexcept { return false; }
    template <std::derived_from<PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) noexcept {
        waiting_ = frame.promise().task;
        waiting_->suspend_on(takers_, node_, frame);
    }
    void await_resume() const { waiting_->throw_if_cancelled(); }

private:
    WaiterList& takers_;
    WaiterNode node_;
    PromiseBase* waiting_ = nullptr;
};

template <class T>
Coroutine<T> take_next(std::shared_ptr<FinishedTasks<T>> shared) {
    if (shared->claimed == shared->total) {
        throw std::logic_error("as_completed: every result has been taken already (one await per task)");
    }
    ++shared->claimed;
    try {
        // Another taker may have been quicker than the one woken: then wait for the next.
        while (shared->finished.empty()) co_await NextFinished(shared->takers);
    } catch (...) {
        --shared->claimed;
        if (!shared->finished.empty()) shared->takers.wake_one();  // our wake-up goes to the next taker
        throw;
    }
    Task<T> task = std::move(shared->finished.front());
    shared->finished.pop_front();
    co_return task.take_result();  // a copy, unless this handle is the last one (a move-only T: moved)
}

}  // namespace detail

template <class T>
class AsCompleted {
public:
    explicit AsCompleted(std::shared_ptr<detail::FinishedTasks<T>> shared) noexcept : shared_(std::move(shared)) {}

    class iterator {
    public:
        using value_type = Coroutine<T>;
        using difference_type = std::ptrdiff_t;

        iterator() = default;
        iterator(std::shared_ptr<detail::FinishedTasks<T>> shared, std::size_t index) noexcept
            : shared_(std::move(shared)), index_(index) {}

        // Each call makes a new coroutine that takes the next result: await each one once.
        Coroutine<T> operator*() const { return detail::take_next(shared_); }
        iterator& operator++() noexcept {
            ++index_;
            return *this;
        }
        void operator++(int) noexcept { ++index_; }
        bool operator==(const iterator& other) const noexcept { return index_ == other.index_; }

    private:
        std::shared_ptr<detail::FinishedTasks<T>> shared_;
        std::size_t index_ = 0;
    };

    [[nodiscard]] iterator begin() const { return iterator(shared_, 0); }
    [[nodiscard]] iterator end() const { return iterator(shared_, shared_->total); }
    [[nodiscard]] std::size_t size() const noexcept { return shared_->total; }

private:
    std::shared_ptr<detail::FinishedTasks<T>> shared_;
};

// Tasks that have finished already come first, in the order they finished (a root's wait_id
// holds it); a reporter task starts watching each of the others, at the next turn.
template <class T>
AsCompleted<T> as_completed(std::vector<Task<T>> tasks) {
    for (const Task<T>& task : tasks) detail::check_can_wait(task.root(), "as_completed");
    auto shared = std::make_shared<detail::FinishedTasks<T>>(tasks.size());
    const auto running =
        std::stable_partition(tasks.begin(), tasks.end(), [](const Task<T>& task) { return task.done(); });
    std::sort(tasks.begin(), running,
              [](const Task<T>& a, const Task<T>& b) { return a.root().wait_id < b.root().wait_id; });
    std::move(tasks.begin(), running, std::back_inserter(shared->finished));
    for (auto task = running; task != tasks.end(); ++task)
        create_task(detail::report_when_done(std::move(*task), shared));
    return AsCompleted<T>(std::move(shared));
}

}  // namespace aio
