// A std::thread whose sleeps count on a shared clock: with a VirtualClock, time advances only
// when every ClockThread (and whoever else sleeps on the clock) is asleep. Used by 06's restaurant.
#pragma once

#include <exception>
#include <memory>
#include <thread>
#include <utility>

#include "common/clock.hpp"

namespace common {

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

}  // namespace common
