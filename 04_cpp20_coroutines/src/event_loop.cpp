#include "aio/event_loop.hpp"

#include <cmath>
#include <stdexcept>

namespace aio {

namespace {
thread_local EventLoop* current_loop = nullptr;
}  // namespace

EventLoop* running_loop() noexcept { return current_loop; }

EventLoop& get_running_loop() {
    if (current_loop == nullptr) throw std::logic_error("get_running_loop: no running event loop");
    return *current_loop;
}

EventLoop::EventLoop(RunOptions options)
    : own_clock_(options.clock == nullptr ? common::make_clock(options.virtual_time, options.speed) : nullptr),
      clock_(options.clock == nullptr ? own_clock_.get() : options.clock),
      wakeup_(*clock_) {}

EventLoop::~EventLoop() { destroy_everything(); }

void EventLoop::close() {
    if (running_) throw std::logic_error("close: the event loop is running");
    destroy_everything();
}

// Drops every reference the loop holds. Frames whose last reference that was are destroyed:
// their destructors run (RAII cleanup), and nothing resumes them afterwards. A task that a
// Task handle still holds ends cancelled first, so the handle never reaches this loop again.
void EventLoop::destroy_everything() noexcept {
    closed_ = true;
    ready_.clear();
    timer_callbacks_.clear();
    while (!timers_.empty()) {
        const detail::Timer timer = timers_.pop();
        if (timer.task != nullptr) timer.task->release();
    }
    while (live_head_ != nullptr) {
        live_head_->abandon();
        forget(live_head_);
    }
    const std::lock_guard lock(threadsafe_mutex_);
    threadsafe_closed_ = true;
    threadsafe_callbacks_.clear();
}

void EventLoop::call_soon(std::function<void()> callback) {
    if (closed_) throw std::logic_error("call_soon: the event loop is closed");
    ready_.push(std::move(callback));
}

void EventLoop::call_later(double delay, std::function<void()> callback) {
    if (closed_) throw std::logic_error("call_later: the event loop is closed");
    const std::uint64_t sequence = new_wait_id();
    timer_callbacks_.emplace(sequence, std::move(callback));
    timers_.push({time() + (delay > 0.0 ? delay : 0.0), sequence, nullptr});  // NaN too: at once
}

void EventLoop::call_soon_threadsafe(std::function<void()> callback) {
    const std::lock_guard lock(threadsafe_mutex_);
    if (threadsafe_closed_) throw std::logic_error("call_soon_threadsafe: the event loop is closed");
    threadsafe_callbacks_.push_back(std::move(callback));
    has_threadsafe_.store(true, std::memory_order_release);
    // Still under the mutex: a busy loop may see the flag, finish and be destroyed, but its
    // destructor takes this mutex first, so wakeup_ outlives this call.
    wakeup_.notify_all();
}

void EventLoop::add_timer(double deadline, detail::PromiseBase* task, std::uint64_t id) {
    if (std::isnan(deadline)) deadline = time();  // the heap's order needs numbers (wait_for(x, NaN))
    task->add_ref();                              // a stale timer may outlive the task's other references
    timers_.push({deadline, id, task});
}

void EventLoop::adopt(detail::PromiseBase* task) noexcept {
    task->add_ref();
    task->live_prev = live_tail_;
    task->live_next = nullptr;
    (live_tail_ != nullptr ? live_tail_->live_next : live_head_) = task;
    live_tail_ = task;
    ++unfinished_;
}

void EventLoop::forget(detail::PromiseBase* task) noexcept {
    (task->live_prev != nullptr ? task->live_prev->live_next : live_head_) = task->live_next;
    (task->live_next != nullptr ? task->live_next->live_prev : live_tail_) = task->live_prev;
    task->live_prev = task->live_next = nullptr;
    --unfinished_;
    task->release();
}

// One turn of the loop, in the order of asyncio's _run_once.
void EventLoop::run_once() {
    // 1. Nothing ready: sleep until the earliest timer (virtual time jumps there), or until
    //    another thread calls call_soon_threadsafe.
    if (ready_.empty() && !stopping_) {
        wait_for_work(timers_.empty() ? common::forever : timers_.earliest().deadline);
    }
    if (has_threadsafe_.load(std::memory_order_acquire)) {
        const std::lock_guard lock(threadsafe_mutex_);
        for (std::function<void()>& callback : threadsafe_callbacks_) ready_.push(std::move(callback));
        threadsafe_callbacks_.clear();
        has_threadsafe_.store(false, std::memory_order_relaxed);
    }
    // 2. Timers that are due join the ready queue, behind what is already there.
    if (!timers_.empty()) {
        const double now = clock_->now();
        while (!timers_.empty() && timers_.earliest().deadline <= now) fire(timers_.pop());
    }
    // 3. Run what is ready now. What that schedules waits for the next turn.
    for (std::size_t n = ready_.size(); n > 0; --n) {
        ready_.run_front([](detail::PromiseBase* task) { task->step(); });
    }
    ++iterations_;
}

void EventLoop::wait_for_work(double deadline) {
    std::unique_lock lock(threadsafe_mutex_);
    wakeup_.wait_until(lock, deadline, [this] { return has_threadsafe_.load(std::memory_order_acquire); });
}

void EventLoop::fire(const detail::Timer& timer) {
    if (timer.task == nullptr) {
        const auto found = timer_callbacks_.find(timer.sequence);
        ready_.push(std::move(found->second));
        timer_callbacks_.erase(found);
        return;
    }
    timer.task->wake(timer.sequence);  // a no-op if the task was cancelled or woken since
    timer.task->release();
}

namespace {
// Marks a loop as the running one for as long as it runs, even if a callback throws.
class Running {
public:
    Running(EventLoop*& current, EventLoop& loop, bool& running) : current_(current), running_(running) {
        if (current_ != nullptr) {
            throw std::logic_error("cannot run an event loop while another loop is running in this thread");
        }
        current_ = &loop;
        running_ = true;
    }
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;
    ~Running() {
        current_ = nullptr;
        running_ = false;
    }

private:
    EventLoop*& current_;
    bool& running_;
};
}  // namespace

template <class Done>
void EventLoop::run_while(Done done) {
    if (closed_) throw std::logic_error("the event loop is closed");
    const Running running(current_loop, *this, running_);
    // Like asyncio, a stop() that came before the run still lets it make one turn.
    while (!done()) {
        run_once();
        if (stopping_) break;
    }
    stopping_ = false;
}

void EventLoop::run_forever() {
    run_while([] { return false; });
}

void EventLoop::run_until(const detail::PromiseBase& task) {
    run_while([&task] { return task.done; });
    if (!task.done) throw std::runtime_error("run_until_complete: the loop stopped before the task finished");
}

void EventLoop::cancel_all_tasks() {
    for (detail::PromiseBase* task = live_head_; task != nullptr; task = task->live_next) task->cancel();
    run_while([this] { return live_head_ == nullptr; });
}

}  // namespace aio
