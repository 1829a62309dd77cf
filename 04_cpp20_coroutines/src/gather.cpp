#include "aio/gather.hpp"

#include "aio/wait_done.hpp"

namespace aio::detail {

namespace {

std::exception_ptr first_error(const std::vector<PromiseBase*>& tasks) noexcept {
    const PromiseBase* first = nullptr;
    for (const PromiseBase* task : tasks) {
        if (task->error && (first == nullptr || task->wait_id < first->wait_id)) first = task;
    }
    return first == nullptr ? nullptr : first->error;
}

}  // namespace

Coroutine<void> wait_all(std::vector<PromiseBase*> tasks) {
    bool cancelling = false;
    std::size_t next = 0;
    while (next < tasks.size()) {
        bool cancelled_now = false;
        try {
            co_await DoneAwaiter(*tasks[next], cancelling);
            ++next;
        } catch (const CancelledError&) {
            cancelled_now = true;
        }
        if (cancelled_now) {  // co_await is not allowed in a handler: act here
            cancelling = true;
            for (PromiseBase* task : tasks) task->cancel();
        }
    }
    if (cancelling) throw CancelledError{};
    if (const std::exception_ptr error = first_error(tasks)) std::rethrow_exception(error);
}

}  // namespace aio::detail
