#include "aio/wait.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <span>
#include <stdexcept>
#include <utility>

#include "aio/first_done.hpp"
#include "aio/wait_checks.hpp"
#include "aio/wait_done.hpp"

namespace aio::detail {

namespace {

// Failed with an exception of its own: a cancelled task does not count (asyncio alike).
bool failed(const PromiseBase& task) noexcept { return task.done && task.error && !task.cancelled; }

bool timed_out(std::optional<double> deadline) { return deadline && time() >= *deadline; }

// ALL_COMPLETED: every task must finish anyway, so wait for them one by one: O(n) in all.
Coroutine<void> wait_all_done(std::vector<PromiseBase*> tasks, std::optional<double> deadline) {
    for (PromiseBase* task : tasks) {
        while (!task->done) {
            co_await FirstDone(std::span(&task, 1), deadline);
            if (timed_out(deadline)) co_return;
        }
    }
}

// FIRST_COMPLETED: wait for every pending task at once; the first wake-up ends it. O(n).
Coroutine<void> wait_first_completed(std::vector<PromiseBase*> pending, std::optional<double> deadline) {
    while (true) {
        if (std::any_of(pending.begin(), pending.end(), [](const PromiseBase* task) { return task->done; })) co_return;
        co_await FirstDone(pending, deadline);
        if (timed_out(deadline)) co_return;
    }
}

// What FIRST_EXCEPTION's reporters and its waiter share.
struct Outcomes {
    explicit Outcomes(std::size_t pending) noexcept : remaining(pending) {}
    std::size_t remaining;  // tasks not finished yet
    WaiterList waiter;      // the wait, until a task raises or none remains
};

// Holds a task's root frame for as long as a reporter's frame lives (started or not).
class HeldTask {
public:
    explicit HeldTask(PromiseBase& task) noexcept : task_(&task) { task_->add_ref(); }
    HeldTask(HeldTask&& other) noexcept : task_(std::exchange(other.task_, nullptr)) {}
    HeldTask(const HeldTask&) = delete;
    HeldTask& operator=(const HeldTask&) = delete;
    HeldTask& operator=(HeldTask&&) = delete;
    ~HeldTask() {
        if (task_ != nullptr) task_->release();
    }
    [[nodiscard]] PromiseBase& get() const noexcept { return *task_; }

private:
    PromiseBase* task_;
};

// A cancel() of a reporter ends it where it waits: the task it watched is left alone.
class StopReporting final : public CancelTarget {
public:
    bool forward_cancel(PromiseBase*& /*next*/) noexcept override { return false; }
};

// asyncio's _on_completion done-callback, as a small task: O(1) when its task finishes.
Coroutine<void> report_outcome(HeldTask task, std::shared_ptr<Outcomes> outcomes) {
    StopReporting stop;
    co_await DoneAwaiter(task.get(), stop);
    --outcomes->remaining;
    if (failed(task.get()) || outcomes->remaining == 0) outcomes->waiter.wake_one();
}

// Suspends until a reporter wakes it or the deadline passes. CancelledError when cancelled.
class Reported {
public:
    Reported(WaiterList& waiter, std::optional<double> deadline) noexcept : waiter_(waiter), deadline_(deadline) {}
    Reported(const Reported&) = delete;
    Reported& operator=(const Reported&) = delete;
    ~Reported() = default;

    [[nodiscard]] bool await_ready() const noexcept { return false; }
    template <std::derived_from<PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        PromiseBase* waiting = frame.promise().task;
        EventLoop& loop = *waiting->loop;
        const std::uint64_t id = waiting->suspend_on(waiter_, node_, frame);
        if (deadline_ && waiting->wait_id == id) loop.add_timer(*deadline_, waiting, id);
    }
    void await_resume() const { PromiseBase::current()->throw_if_cancelled(); }

private:
    WaiterList& waiter_;
    std::optional<double> deadline_;
    WaiterNode node_;
};

// Cancels the reporters still waiting, however the wait ends (a raise, the deadline, a cancel).
class StopReporters {
public:
    StopReporters() = default;
    StopReporters(const StopReporters&) = delete;
    StopReporters& operator=(const StopReporters&) = delete;
    ~StopReporters() {
        for (Task<void>& reporter : reporters) reporter.cancel();
    }
    std::vector<Task<void>> reporters;
};

// FIRST_EXCEPTION: as asyncio, a reporter per pending task counts the finished ones and wakes
// the wait when one raises or none remains: O(1) per task that finishes, O(n) in all. (Waiting
// on every pending task at once and looking at all of them after each wake-up, as
// FIRST_COMPLETED does, cost O(n) per wake-up: 10'000 tasks finishing one by one took seconds.)
Coroutine<void> wait_first_exception(std::vector<PromiseBase*> tasks, std::optional<double> deadline) {
    std::size_t pending = 0;
    for (const PromiseBase* task : tasks) {
        if (failed(*task)) co_return;
        if (!task->done) ++pending;
    }
    if (pending == 0) co_return;
    auto outcomes = std::make_shared<Outcomes>(pending);
    StopReporters stop;
    stop.reporters.reserve(pending);
    EventLoop& loop = get_running_loop();
    for (PromiseBase* task : tasks) {
        if (!task->done) stop.reporters.push_back(loop.create_task(report_outcome(HeldTask(*task), outcomes)));
    }
    co_await Reported(outcomes->waiter, deadline);
}

std::optional<double> deadline_after(std::optional<double> timeout) {
    if (!timeout || (std::isinf(*timeout) && *timeout > 0.0)) return std::nullopt;
    return time() + (*timeout > 0.0 ? *timeout : 0.0);  // negative or NaN: at once
}

}  // namespace

Coroutine<void> wait_until(std::vector<PromiseBase*> tasks, ReturnWhen return_when, std::optional<double> timeout) {
    if (tasks.empty()) throw std::invalid_argument("wait: no tasks to wait for (asyncio: ValueError)");
    for (const PromiseBase* task : tasks) check_can_wait(*task, "wait");
    const std::optional<double> deadline = deadline_after(timeout);
    if (return_when == ReturnWhen::ALL_COMPLETED) {
        co_await wait_all_done(std::move(tasks), deadline);
    } else if (return_when == ReturnWhen::FIRST_COMPLETED) {
        co_await wait_first_completed(std::move(tasks), deadline);
    } else {
        co_await wait_first_exception(std::move(tasks), deadline);
    }
}

}  // namespace aio::detail
