// What a busy loop does when a pass found nothing to do: in real time, nothing (it spins on);
// on a virtual clock, it sleeps one 1 ms tick, or virtual time would never move.
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
        if (!clock_.is_virtual()) return;  // real time moves by itself: spin, and burn the CPU
        ++ticks_;
        // Counting ticks, not adding 0.001 again and again, keeps the times exact: 3000 ticks is 3.000 s.
        clock_.sleep_until(start_ + static_cast<double>(ticks_) / ticks_per_second);
    }

private:
    common::Clock& clock_;
    double start_;
    std::int64_t ticks_ = 0;
};

}  // namespace manual_loop
