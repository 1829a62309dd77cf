// One clock interface, three implementations: real, scaled (--speed) and virtual (--virtual).
// Every lesson section, every event loop and every threaded restaurant reads time from here,
// so the same code runs in real time for a learner and in exact, instant virtual time for tests.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <limits>
#include <map>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

namespace common {

inline constexpr double forever = std::numeric_limits<double>::infinity();

class ClockCondition;

// Seconds of story time since the clock started. "Story time" is the time the lesson talks
// about: 1 s is 1 s whatever --speed says, and it is exact on the virtual clock.
class Clock {
public:
    Clock() = default;
    Clock(const Clock&) = delete;
    Clock& operator=(const Clock&) = delete;
    virtual ~Clock() = default;

    [[nodiscard]] virtual double now() const = 0;
    // Blocks the calling thread until now() >= deadline.
    virtual void sleep_until(double deadline) = 0;
    void sleep_for(double seconds) { sleep_until(now() + seconds); }

    [[nodiscard]] virtual bool is_virtual() const noexcept { return false; }
    // How many story seconds pass per real second (1 for real time, infinite for virtual).
    [[nodiscard]] virtual double speed() const noexcept = 0;
    // Whether the real time that story time `story_time` stands for has come. A busy loop asks it
    // to know when to stop spinning and move the clock on; on pure virtual time it is always true.
    [[nodiscard]] virtual bool real_time_reached(double story_time) const = 0;

    // A thread that will sleep on this clock is announced before it starts (ClockThread does
    // it), so that virtual time cannot jump while that thread is still on its way to a sleep.
    virtual void enter_thread() {}
    virtual void leave_thread() {}

protected:
    friend class ClockCondition;
    struct Waiter;
    // The waiters of one ClockCondition; the virtual clock needs to know them by name.
    struct WaitList {
        std::condition_variable cv;    // real clocks
        std::vector<Waiter*> waiters;  // virtual clock
    };
    // Releases `lock`, blocks until notified or the deadline, re-acquires `lock`.
    // Returns false when the deadline passed.
    virtual bool block(std::unique_lock<std::mutex>& lock, double deadline, WaitList& list) = 0;
    virtual void wake_all(WaitList& list) = 0;
};

// Real time scaled by a factor: at speed 60, a story minute takes a real second.
class ScaledClock : public Clock {
public:
    explicit ScaledClock(double speed);
    [[nodiscard]] double now() const override;
    void sleep_until(double deadline) override;
    [[nodiscard]] double speed() const noexcept override { return speed_; }
    [[nodiscard]] bool real_time_reached(double story_time) const override { return now() >= story_time; }
    // The real instant of a story deadline.
    [[nodiscard]] std::chrono::steady_clock::time_point real_deadline(double deadline) const;

protected:
    bool block(std::unique_lock<std::mutex>& lock, double deadline, WaitList& list) override;
    void wake_all(WaitList& list) override;

private:
    std::chrono::steady_clock::time_point start_;
    double speed_;
};

// Real time: a story second is a second on the wall.
class RealClock final : public ScaledClock {
public:
    RealClock() : ScaledClock(1.0) {}
};

// Simulated time. It starts at 0 and moves only when every thread that uses it is asleep on it;
// then it jumps to the earliest deadline and wakes that one sleeper. Sleepers with equal
// deadlines wake one at a time in the order they went to sleep, so a run is exactly
// reproducible, threads included.
//
// Paced (a finite speed, what the lessons run on for --speed and real time): the same clock, but
// before each jump the sleeper waits until real time reaches the story time it jumps to (story
// time t stands for t / speed real seconds after the clock's start). The story is the virtual one
// to the last digit, however late the machine wakes a thread; only the learner's wait is real.
class VirtualClock final : public Clock {
public:
    // `pace`: story seconds per real second; infinite means instant, pure virtual time.
    explicit VirtualClock(double pace = forever);
    ~VirtualClock() override;

    [[nodiscard]] double now() const override;
    void sleep_until(double deadline) override;
    [[nodiscard]] bool is_virtual() const noexcept override { return !paced(); }
    [[nodiscard]] double speed() const noexcept override { return pace_; }
    [[nodiscard]] bool real_time_reached(double story_time) const override;
    void enter_thread() override;
    void leave_thread() override;

protected:
    bool block(std::unique_lock<std::mutex>& lock, double deadline, WaitList& list) override;
    void wake_all(WaitList& list) override;

private:
    using Key = std::pair<double, std::uint64_t>;  // deadline, then order of arrival
    bool wait_as_sleeper(std::unique_lock<std::mutex>& guard, double deadline, WaitList* list,
                         std::unique_lock<std::mutex>* user_lock);
    void wake(Waiter& waiter, bool failed = false);
    void advance();
    [[nodiscard]] bool paced() const noexcept { return pace_ != forever; }
    [[nodiscard]] std::chrono::steady_clock::time_point real_point(double story_time) const;

    double pace_;
    std::chrono::steady_clock::time_point start_;
    Waiter* pacer_ = nullptr;  // the earliest sleeper, while it waits for real time to catch up
    mutable std::mutex mutex_;
    std::atomic<double> now_{0.0};
    std::uint64_t arrivals_ = 0;
    std::size_t running_ = 0;  // threads using the clock that are not asleep on it
    std::map<Key, Waiter*> timed_;
};

// A condition variable whose waits count as "asleep on the clock": with a VirtualClock, a thread
// blocked here lets time advance, and notify_all() makes the waiters due at the current time, so
// time cannot jump past them; they wake one at a time, once the notifier sleeps on the clock too.
class ClockCondition {
public:
    explicit ClockCondition(Clock& clock) : clock_(clock) {}

    // Waits until pred() holds (returns true) or the story-time deadline passes (returns pred()).
    template <class Predicate>
    bool wait_until(std::unique_lock<std::mutex>& lock, double deadline, Predicate pred) {
        while (!pred()) {
            if (!clock_.block(lock, deadline, list_)) return pred();
        }
        return true;
    }
    template <class Predicate>
    void wait(std::unique_lock<std::mutex>& lock, Predicate pred) {
        wait_until(lock, forever, std::move(pred));
    }
    void notify_all() { clock_.wake_all(list_); }

private:
    Clock& clock_;
    Clock::WaitList list_;
};

// Marks the calling thread as the one announced with enter_thread(); ClockThread does it.
void bind_current_thread(const Clock* clock) noexcept;
// The clock the calling thread is bound to, or nullptr.
[[nodiscard]] const Clock* current_thread_clock() noexcept;

// Builds the clock the command line asked for: virtual, or real time scaled by `speed`.
std::unique_ptr<Clock> make_clock(bool virtual_time, double speed);
// The clock of a lesson section: virtual, or virtual time paced at `speed`, so that every figure
// the story prints is the one --virtual prints.
std::unique_ptr<Clock> make_story_clock(bool virtual_time, double speed);

}  // namespace common
