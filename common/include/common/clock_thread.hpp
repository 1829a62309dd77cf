// A std::thread whose sleeps count on a shared clock: with a VirtualClock, time advances only
// when every ClockThread (and whoever else sleeps on the clock) is asleep. Used by 06's restaurant.
#pragma once

#include <exception>
#include <memory>
#include <thread>
#include <utility>
#include <vector>

#include "common/clock.hpp"

namespace common {

// While a ClockHold lives, virtual time stands still. Hold one while you start several
// ClockThreads: otherwise the first one may sleep, and time jump, before the next exists.
// (Do not sleep on the clock yourself while you hold it: time would never move.)
class ClockHold {
public:
    explicit ClockHold(Clock& clock) : clock_(clock) { clock_.enter_thread(); }
    ClockHold(const ClockHold&) = delete;
    ClockHold& operator=(const ClockHold&) = delete;
    ~ClockHold() { clock_.leave_thread(); }

private:
    Clock& clock_;
};

// While it lives, the calling thread counts as a running thread of `clock`, unless it is bound
// to a clock already (a ClockThread's body): time cannot jump while it works, and its sleeps on
// the clock let time move. A running event loop holds one, so that a worker thread sleeping on
// the loop's clock cannot make time jump under the loop's feet.
class ClockPresence {
public:
    explicit ClockPresence(Clock& clock) : clock_(current_thread_clock() == nullptr ? &clock : nullptr) {
        if (clock_ == nullptr) return;
        clock_->enter_thread();
        bind_current_thread(clock_);
    }
    ClockPresence(const ClockPresence&) = delete;
    ClockPresence& operator=(const ClockPresence&) = delete;
    ~ClockPresence() {
        if (clock_ == nullptr) return;
        bind_current_thread(nullptr);
        clock_->leave_thread();
    }

private:
    Clock* clock_;  // null: the thread counted already
};

// The opposite, for a while: a thread that counts on `clock` (bound to it) blocks on something
// else than the clock (joining threads, waiting in epoll), and time must be free to move for the
// others meanwhile. Does nothing on a thread that does not count.
class OffTheClock {
public:
    explicit OffTheClock(Clock& clock) : clock_(current_thread_clock() == &clock ? &clock : nullptr) {
        if (clock_ != nullptr) clock_->leave_thread();
    }
    OffTheClock(const OffTheClock&) = delete;
    OffTheClock& operator=(const OffTheClock&) = delete;
    ~OffTheClock() {
        if (clock_ != nullptr) clock_->enter_thread();
    }

private:
    Clock* clock_;  // null: the thread did not count
};

// Start the threads under a ClockHold (see above), or use run_threads() below.
class ClockThread {
public:
    // Announces the thread to the clock before it starts, so no sleep can race ahead of it.
    template <class Function>
    ClockThread(Clock& clock, Function body) : state_(std::make_unique<State>(clock)) {
        clock.enter_thread();
        thread_ = std::thread([state = state_.get(), body = std::move(body)]() mutable {
            bind_current_thread(&state->clock);
            try {
                body();
            } catch (...) {
                state->error = std::current_exception();
            }
            bind_current_thread(nullptr);
            state->clock.leave_thread();
        });
    }
    ClockThread(ClockThread&&) noexcept = default;
    ClockThread& operator=(ClockThread&&) = delete;  // would drop a running thread
    ~ClockThread() {
        if (thread_.joinable()) thread_.join();
    }

    // Waits for the thread; an exception that escaped its body is rethrown here.
    void join() {
        thread_.join();
        if (state_->error) std::rethrow_exception(std::exchange(state_->error, nullptr));
    }

private:
    struct State {
        explicit State(Clock& c) : clock(c) {}
        Clock& clock;
        std::exception_ptr error;
    };
    std::unique_ptr<State> state_;
    std::thread thread_;
};

// Runs every body on its own ClockThread, all started before time may move, and waits for all.
// The first exception that escaped a body is rethrown once every thread has finished.
template <class Body>
void run_threads(Clock& clock, std::vector<Body> bodies) {
    std::vector<ClockThread> threads;
    threads.reserve(bodies.size());
    {
        const ClockHold hold(clock);
        for (Body& body : bodies) threads.emplace_back(clock, std::move(body));
    }
    std::exception_ptr first;
    for (ClockThread& thread : threads) {
        try {
            thread.join();
        } catch (...) {
            if (!first) first = std::current_exception();
        }
    }
    if (first) std::rethrow_exception(first);
}

}  // namespace common
