#include "aio/wait.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "aio/first_done.hpp"
#include "aio/wait_checks.hpp"

namespace aio::detail {

namespace {

// Failed with an exception of its own: a cancelled task does not count (asyncio alike).
bool failed(const PromiseBase& task) noexcept { return task.done && task.error && !task.cancelled; }

bool is_over(const std::vector<PromiseBase*>& tasks, ReturnWhen return_when) noexcept {
    const auto done = [](const PromiseBase* task) { return task->done; };
    switch (return_when) {
        case ReturnWhen::FIRST_COMPLETED:
            return std::any_of(tasks.begin(), tasks.end(), done);
        case ReturnWhen::FIRST_EXCEPTION:
            if (std::any_of(tasks.begin(), tasks.end(), [](const PromiseBase* task) { return failed(*task); })) {
                return true;
            }
            return std::all_of(tasks.begin(), tasks.end(), done);
        case ReturnWhen::ALL_COMPLETED:
            return std::all_of(tasks.begin(), tasks.end(), done);
    }
    return true;
}

// Whom to wait for next. For ALL_COMPLETED, only the first unfinished task: all of them must
// finish anyway, so waiting for them one by one costs O(n) in all instead of O(n) per wake-up.
std::vector<PromiseBase*> next_awaited(const std::vector<PromiseBase*>& tasks, ReturnWhen return_when) {
    std::vector<PromiseBase*> awaited;
    for (PromiseBase* task : tasks) {
        if (task->done) continue;
        awaited.push_back(task);
        if (return_when == ReturnWhen::ALL_COMPLETED) break;
    }
    return awaited;
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
    while (!is_over(tasks, return_when)) {
        const std::vector<PromiseBase*> awaited = next_awaited(tasks, return_when);
        co_await FirstDone(awaited, deadline);
        if (deadline && time() >= *deadline) break;  // timed out: return what is done by now
    }
}

}  // namespace aio::detail
