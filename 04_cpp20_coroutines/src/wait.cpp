#include "aio/wait.hpp"

#include <algorithm>
#include <cmath>
#include <span>
#include <stdexcept>

#include "aio/first_done.hpp"
#include "aio/wait_checks.hpp"

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

// FIRST_COMPLETED, FIRST_EXCEPTION: wait for every pending task at once, and look again after
// each wake-up. That costs O(pending) per wake-up, where asyncio's callbacks cost O(1) per task
// that finishes: fine for the tens of tasks one races, slow for thousands that finish one by one.
Coroutine<void> wait_first(std::vector<PromiseBase*> pending, ReturnWhen return_when, std::optional<double> deadline) {
    while (true) {
        bool finished = false;
        bool raised = false;
        std::erase_if(pending, [&](const PromiseBase* task) {
            finished = finished || task->done;
            raised = raised || failed(*task);
            return task->done;
        });
        if (pending.empty() || raised || (finished && return_when == ReturnWhen::FIRST_COMPLETED)) co_return;
        co_await FirstDone(pending, deadline);
        if (timed_out(deadline)) co_return;
    }
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
    } else {
        co_await wait_first(std::move(tasks), return_when, deadline);
    }
}

}  // namespace aio::detail
