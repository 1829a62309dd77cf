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

// Passes a cancel() of the gathering task on to every child still running (asyncio's
// _GatheringFuture.cancel), and remembers that it did.
class CancelChildren final : public CancelTarget {
public:
    explicit CancelChildren(const std::vector<PromiseBase*>& tasks) noexcept : tasks_(tasks) {}
    bool forward_cancel(PromiseBase*& /*next*/) noexcept override {
        bool any = false;
        for (PromiseBase* task : tasks_) any = task->cancel() || any;
        forwarded_ = forwarded_ || any;
        return any;
    }
    [[nodiscard]] bool forwarded() const noexcept { return forwarded_; }

private:
    const std::vector<PromiseBase*>& tasks_;
    bool forwarded_ = false;
};

}  // namespace

Coroutine<void> wait_all(std::vector<PromiseBase*> tasks) {
    CancelChildren cancel_children(tasks);
    bool cancelled = false;
    for (PromiseBase* task : tasks) {
        // Each wait runs to the child's end: a cancel() of ours goes to the children, however
        // many times it comes, and we raise CancelledError once, after the last child.
        try {
            co_await DoneAwaiter(*task, cancel_children);
        } catch (const CancelledError&) {
            cancelled = true;  // came when every child had finished: nothing to pass it on to
        }
    }
    for (PromiseBase* task : tasks) task->retrieved = true;  // every outcome is looked at here
    if (cancelled || cancel_children.forwarded()) throw CancelledError{};
    if (const std::exception_ptr error = first_error(tasks)) std::rethrow_exception(error);
}

}  // namespace aio::detail
