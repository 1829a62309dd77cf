// What a busy loop does when a pass found nothing to do: in real time, nothing (it spins on) until
// the real time of the next 1 ms tick has come, then it moves the clock on by that tick. The
// lessons' clock is virtual time, paced by real time unless --virtual: it moves only when someone
// sleeps on it, so the ticks keep the story's times exact at any --speed.
// Used by the busy loops of the sections "polling" and "generators".
#pragma once

#include <cstdint>

#include "common/clock.hpp"

namespace manual_loop {

class BusyTicker {
public:
    static constexpr int ticks_per_second = 1000;

    explicit BusyTicker(common::Clock& clock) : clock_(clock), start_(clock.now()) {}

    // Call it after a pass that left work pending.
    void idle() {
        // Counting ticks, not adding 0.001 again and again, keeps the times exact: 3000 ticks is 3.000 s.
        const double next_tick = start_ + static_cast<double>(ticks_ + 1) / ticks_per_second;
        if (!clock_.real_time_reached(next_tick)) return;  // spin on, and burn the CPU
        ++ticks_;
        clock_.sleep_until(next_tick);
    }

private:
    common::Clock& clock_;
    double start_;
    std::int64_t ticks_ = 0;
};

}  // namespace manual_loop
