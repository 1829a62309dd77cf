#include "common/clock.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <thread>

namespace common {

namespace {
thread_local const Clock* bound_clock = nullptr;

// When story time `story_time` comes in real time, for a clock started at `start` running `speed`
// times faster. Clamped to 31 years (a story of 1e10 s, say): for a learner that is "never", and
// unlike 1e10 s in nanoseconds it fits the steady clock's 64 bits.
std::chrono::steady_clock::time_point real_time_point(std::chrono::steady_clock::time_point start, double story_time,
                                                      double speed) {
    constexpr double never = 1e9;
    double seconds = story_time / speed;
    if (!(seconds > 0.0)) seconds = 0.0;  // NaN too
    if (seconds > never) seconds = never;
    return start +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}
}  // namespace

void bind_current_thread(const Clock* clock) noexcept { bound_clock = clock; }

const Clock* current_thread_clock() noexcept { return bound_clock; }

struct Clock::Waiter {
    std::condition_variable cv;
    std::pair<double, std::uint64_t> key;
    bool woken = false;
    bool notified = false;
    bool failed = false;
};

// ---- ScaledClock ----------------------------------------------------------------------------

ScaledClock::ScaledClock(double speed) : start_(std::chrono::steady_clock::now()), speed_(speed) {
    if (!(speed > 0.0) || !std::isfinite(speed)) throw std::invalid_argument("clock speed must be a positive number");
}

double ScaledClock::now() const {
    const std::chrono::duration<double> real = std::chrono::steady_clock::now() - start_;
    return real.count() * speed_;
}

std::chrono::steady_clock::time_point ScaledClock::real_deadline(double deadline) const {
    return real_time_point(start_, deadline, speed_);
}

void ScaledClock::sleep_until(double deadline) { std::this_thread::sleep_until(real_deadline(deadline)); }

bool ScaledClock::block(std::unique_lock<std::mutex>& lock, double deadline, WaitList& list) {
    if (std::isinf(deadline)) {
        list.cv.wait(lock);
        return true;
    }
    return list.cv.wait_until(lock, real_deadline(deadline)) == std::cv_status::no_timeout;
}

void ScaledClock::wake_all(WaitList& list) { list.cv.notify_all(); }

// ---- VirtualClock ---------------------------------------------------------------------------

VirtualClock::VirtualClock(double pace) : pace_(pace), start_(std::chrono::steady_clock::now()) {
    if (!(pace > 0.0)) throw std::invalid_argument("clock speed must be a positive number");
}

VirtualClock::~VirtualClock() = default;

std::chrono::steady_clock::time_point VirtualClock::real_point(double story_time) const {
    return real_time_point(start_, story_time, pace_);
}

bool VirtualClock::real_time_reached(double story_time) const {
    return !paced() || std::chrono::steady_clock::now() >= real_point(story_time);
}

double VirtualClock::now() const { return now_.load(std::memory_order_acquire); }

void VirtualClock::enter_thread() {
    const std::lock_guard guard(mutex_);
    ++running_;
}

void VirtualClock::leave_thread() {
    const std::lock_guard guard(mutex_);
    --running_;
    advance();
}

void VirtualClock::sleep_until(double deadline) {
    std::unique_lock guard(mutex_);
    wait_as_sleeper(guard, deadline, nullptr, nullptr);
}

bool VirtualClock::block(std::unique_lock<std::mutex>& lock, double deadline, WaitList& list) {
    std::unique_lock guard(mutex_);
    return wait_as_sleeper(guard, deadline, &list, &lock);
}

// The one place a thread falls asleep. A thread nobody announced counts as running while it is
// in here, so a lone event loop on its own virtual clock needs no set-up.
bool VirtualClock::wait_as_sleeper(std::unique_lock<std::mutex>& guard, double deadline, WaitList* list,
                                   std::unique_lock<std::mutex>* user_lock) {
    const bool announced = bound_clock == this;
    if (!announced) ++running_;
    Waiter waiter;
    waiter.key = {std::max(deadline, now()), arrivals_++};
    if (list) list->waiters.push_back(&waiter);
    // Released only now, under our mutex: a notifier needs that mutex, so it cannot miss us.
    if (user_lock) user_lock->unlock();
    timed_.emplace(waiter.key, &waiter);
    --running_;
    advance();
    while (!waiter.woken) {
        if (pacer_ != &waiter) {
            waiter.cv.wait(guard);
        } else if (waiter.cv.wait_until(guard, real_point(waiter.key.first)) == std::cv_status::timeout &&
                   pacer_ == &waiter) {
            pacer_ = nullptr;  // real time has caught up: advance() moves the clock to us now
            advance();
        }
    }
    if (list) std::erase(list->waiters, &waiter);
    if (!announced) {
        --running_;
        advance();
    }
    guard.unlock();
    if (user_lock) user_lock->lock();
    if (waiter.failed) {
        throw std::logic_error("virtual clock: every thread is waiting and none has a deadline (deadlock)");
    }
    return waiter.notified;
}

void VirtualClock::wake(Waiter& waiter, bool failed) {
    timed_.erase(waiter.key);
    waiter.woken = true;
    waiter.failed = failed;
    ++running_;
    waiter.cv.notify_one();
}

// Time moves only when nobody runs: then the earliest sleeper wakes, alone, so threads take
// turns in deadline order and a run is reproducible.
// Paced, a jump to the future waits: the earliest sleeper becomes the pacer and waits for real
// time on its own condition variable, without the mutex, so a notify or a new thread can still
// come first; whatever changes who is earliest calls advance() again and elects anew.
void VirtualClock::advance() {
    pacer_ = nullptr;
    if (running_ != 0 || timed_.empty()) return;
    auto& [key, waiter] = *timed_.begin();
    if (std::isinf(key.first)) {
        // Everyone waits for a notification that nobody is left to send.
        while (!timed_.empty()) wake(*timed_.begin()->second, true);
        return;
    }
    if (key.first > now()) {
        if (!real_time_reached(key.first)) {
            pacer_ = waiter;
            waiter->cv.notify_one();
            return;
        }
        now_.store(key.first, std::memory_order_release);
    }
    wake(*waiter);
}

// A notified waiter does not run at once, beside its notifier: that would race, and whoever
// reached the clock first would win the next tie. It queues up as due now, behind the sleepers
// already due, and takes its turn like any of them.
void VirtualClock::wake_all(WaitList& list) {
    const std::lock_guard guard(mutex_);
    for (Waiter* waiter : list.waiters) {
        if (waiter->woken) continue;
        timed_.erase(waiter->key);
        waiter->key = {now(), arrivals_++};
        waiter->notified = true;
        timed_.emplace(waiter->key, waiter);
    }
    list.waiters.clear();
    advance();  // the notifier may be no clock thread at all: then nobody runs
}

std::unique_ptr<Clock> make_clock(bool virtual_time, double speed) {
    if (virtual_time) return std::make_unique<VirtualClock>();
    if (speed == 1.0) return std::make_unique<RealClock>();
    return std::make_unique<ScaledClock>(speed);
}

std::unique_ptr<Clock> make_story_clock(bool virtual_time, double speed) {
    return std::make_unique<VirtualClock>(virtual_time ? forever : speed);
}

}  // namespace common
