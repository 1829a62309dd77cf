#include "aio/event_loop.hpp"

#include "aio/thread_pool.hpp"
#include "common/clock_thread.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>
#include <exception>
#include <stdexcept>
#include <vector>

#include <fmt/format.h>

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
      real_clock_(dynamic_cast<const common::ScaledClock*>(clock_)),
      wakeup_(*clock_) {}

EventLoop::~EventLoop() {
    if (running_) {
        // Its frames are on the stack below us: going on would be a use-after-free.
        std::fputs("aio::EventLoop destroyed while it runs (from one of its own callbacks?): terminating\n", stderr);
        std::terminate();
    }
    destroy_everything();
    executor_.reset();
}

std::string ErrorContext::describe() const {
    if (!exception) return message;
    try {
        std::rethrow_exception(exception);
    } catch (const std::exception& error) {
        return fmt::format("{}: {}", message, error.what());
    } catch (const CancelledError& error) {
        return fmt::format("{}: {}", message, error.what());
    } catch (...) {
        return fmt::format("{}: an exception of unknown type", message);
    }
}

void EventLoop::call_exception_handler(const ErrorContext& context) noexcept {
    try {
        if (exception_handler_) {
            exception_handler_(context);
            return;
        }
        fmt::print(stderr, "{}\n", context.describe());
    } catch (...) {  // the handler failed too: asyncio logs that, and so do we, without throwing
        std::fputs("aio: the exception handler threw\n", stderr);
    }
}

void EventLoop::run_callback(const std::function<void()>& callback) noexcept {
    try {
        callback();
    } catch (...) {
        call_exception_handler({"Exception in callback", std::current_exception()});
    }
}

void EventLoop::check_not_running(const char* what) const {
    if (closed_) throw std::logic_error(fmt::format("{}: the event loop is closed", what));
    if (running_)
        throw std::logic_error(fmt::format("{}: this event loop is already running (asyncio: RuntimeError)", what));
    if (current_loop != nullptr) {
        throw std::logic_error("cannot run an event loop while another loop is running in this thread");
    }
}

void EventLoop::close() {
    if (running_) throw std::logic_error("close: the event loop is running");
    destroy_everything();
    executor_.reset();  // waits for the jobs still running: their outcomes find the loop closed
}

detail::ThreadPool& EventLoop::executor() {
    if (closed_) throw std::logic_error("executor: the event loop is closed");
    if (!executor_)
        executor_ = std::make_unique<detail::ThreadPool>(*clock_, detail::ThreadPool::default_max_workers());
    return *executor_;
}

// Drops every reference the loop holds. Frames whose last reference that was are destroyed:
// their destructors run (RAII cleanup), and nothing resumes them afterwards. A task that a
// Task handle still holds ends cancelled first, so the handle never reaches this loop again.
void EventLoop::destroy_everything() noexcept {
    closed_ = true;
    // The frames about to go may be waiting on fds watched by objects that outlive them.
    if (selector_) selector_->forget_waiters();
    ready_.clear();
    timer_callbacks_.clear();
    timers_.clear();
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
    // destructor takes this mutex first, so wakeup_ and the selector outlive this call. The
    // loop sleeps on one or the other: epoll while it waits for I/O, the clock otherwise.
    wakeup_.notify_all();
    if (selector_) selector_->wakeup();
}

detail::Selector& EventLoop::selector() {
    if (!selector_) {
        if (closed_) throw std::logic_error("the event loop is closed");
        auto created = std::make_unique<detail::Selector>(*this, syscalls_);
        const std::lock_guard lock(threadsafe_mutex_);
        selector_ = std::move(created);
    }
    return *selector_;
}

void EventLoop::add_timer(double deadline, detail::PromiseBase* task, std::uint64_t id) {
    if (std::isnan(deadline)) deadline = time();  // the heap's order needs numbers (wait_for(x, NaN))
    timers_.push({deadline, id, task});           // no reference: the loop holds the task while it waits
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
    // 1. Wait for something to do: I/O, the earliest timer (virtual time jumps there), or
    //    another thread's call_soon_threadsafe. Not at all if something is ready already.
    if (selector_ && selector_->waiting() > 0) {
        poll_io();
    } else if (ready_.empty() && !stopping_) {
        wait_for_work(next_deadline());
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
        ready_.run_front([](detail::PromiseBase* task) { task->step(); },
                         [this](const std::function<void()>& callback) { run_callback(callback); });
    }
    ++iterations_;
}

void EventLoop::wait_for_work(double deadline) {
    std::unique_lock lock(threadsafe_mutex_);
    wakeup_.wait_until(lock, deadline, [this] { return has_threadsafe_.load(std::memory_order_acquire); });
}

// The poll timeout, decided in one place from the ready queue and the timer heap, as asyncio's
// _run_once does: 0 if anything is ready, else until the earliest timer, else for ever.
void EventLoop::poll_io() {
    const bool busy = !ready_.empty() || stopping_ || has_threadsafe_.load(std::memory_order_acquire);
    if (busy) {
        selector_->poll(0);
        return;
    }
    const double deadline = next_deadline();
    if (real_clock_ != nullptr) {
        int timeout_ms = -1;
        if (deadline != common::forever) {
            // Rounded up: waking a little late beats spinning on a timer not due yet.
            const double ms = std::ceil((deadline - clock_->now()) / real_clock_->speed() * 1000.0);
            timeout_ms = ms <= 0.0 ? 0 : ms >= INT_MAX ? INT_MAX : static_cast<int>(ms);  // NaN: 0
        }
        selector_->poll(timeout_ms);
        return;
    }
    // Virtual time: I/O goes first. Only when no fd is ready does the clock jump to the next
    // timer; with no timer either, only I/O or another thread can wake us.
    if (selector_->poll(0) > 0) return;
    if (deadline != common::forever) {
        wait_for_work(deadline);
    } else if (selector_->only_own_ends()) {
        // Every fd a task waits on has its other end here, and no task can run: no byte will
        // come unless a thread of the clock (a to_thread job) posts work. The clock waits for
        // that, or reports the deadlock, as it does when no task waits on I/O.
        wait_for_work(deadline);
    } else {
        const common::OffTheClock waiting_for_io(*clock_);  // a to_thread job's sleep may move time
        selector_->poll(-1);
    }
}

void EventLoop::fire(const detail::Timer& timer) {
    if (timer.task == nullptr) {
        const auto found = timer_callbacks_.find(timer.sequence);
        ready_.push(std::move(found->second));
        timer_callbacks_.erase(found);
        return;
    }
    timer.task->wake(timer.sequence);
}

namespace {
// Marks a loop as the running one for as long as it runs, even if a callback throws. While it
// runs, the loop is a thread of its clock, like its to_thread workers: virtual time moves only
// when the loop and every worker sleep on it.
class Running {
public:
    Running(EventLoop*& current, EventLoop& loop, bool& running, bool& stopping)
        : presence_(loop.clock()), current_(current), running_(running), stopping_(stopping) {
        current_ = &loop;
        running_ = true;
    }
    Running(const Running&) = delete;
    Running& operator=(const Running&) = delete;
    ~Running() {
        current_ = nullptr;
        running_ = false;
        stopping_ = false;  // a stop() ends this run only, however the run ends
    }

private:
    common::ClockPresence presence_;
    EventLoop*& current_;
    bool& running_;
    bool& stopping_;
};
}  // namespace

template <class Done>
void EventLoop::run_while(Done done) {
    const Running running(current_loop, *this, running_, stopping_);
    // Like asyncio, a stop() that came before the run still lets it make one turn.
    while (!done()) {
        run_once();
        if (stopping_) break;
    }
}

void EventLoop::run_forever() {
    check_not_running("run_forever");
    run_while([] { return false; });
}

void EventLoop::run_until(const detail::PromiseBase& task) {
    run_while([&task] { return task.done; });
    if (!task.done) throw std::runtime_error("run_until_complete: the loop stopped before the task finished");
}

void EventLoop::cancel_all_tasks() {
    // The tasks that exist now, held so that each can be checked after it finished.
    std::vector<detail::PromiseBase*> existing;
    for (detail::PromiseBase* task = live_head_; task != nullptr; task = task->live_next) {
        task->add_ref();
        existing.push_back(task);
    }
    for (detail::PromiseBase* task : existing) task->cancel();
    try {
        run_while([&existing] {
            return std::all_of(existing.begin(), existing.end(),
                               [](const detail::PromiseBase* task) { return task->done; });
        });
    } catch (...) {  // a task that cannot finish (the virtual clock saw a deadlock): close() ends it
    }
    for (detail::PromiseBase* task : existing) task->release();
    for (detail::PromiseBase* task = live_head_; task != nullptr; task = task->live_next) {
        call_exception_handler({"Task was destroyed but it is pending", nullptr});
    }
}

namespace detail {

void PromiseBase::too_many_refs() noexcept {
    std::fputs("aio: 134 million references to one task: the count would wrap; terminating\n", stderr);
    std::terminate();
}

void destroy_root(PromiseBase* root) noexcept {
    static thread_local PromiseBase* pending = nullptr;
    static thread_local bool destroying = false;
    root->live_next = pending;
    pending = root;
    if (destroying) return;  // an outer call is destroying frames: it takes this one too
    destroying = true;
    while (pending != nullptr) {
        PromiseBase* next = pending;
        pending = next->live_next;
        if (next->error && !next->cancelled && !next->retrieved) {
            // Nobody can read it any more. Its loop, if still alive, is the running one.
            EventLoop* loop = running_loop();
            const ErrorContext context{"Task exception was never retrieved", next->error};
            if (loop != nullptr && loop == next->loop) {
                loop->call_exception_handler(context);
            } else {
                try {
                    fmt::print(stderr, "{}\n", context.describe());
                } catch (...) {  // nothing more we can do about an error while reporting one
                }
            }
        }
        next->continuation.destroy();  // the root's own handle: the promise dies here
    }
    destroying = false;
}

}  // namespace detail

}  // namespace aio
