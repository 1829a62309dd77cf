// A task the loop has to ask "are you done yet?": run() never blocks, it only checks the clock
// and sets `ready`. Used by the section "polling" (and the wait_in_order exercise).
#pragma once

#include <string>
#include <utility>

#include "common/clock.hpp"

namespace manual_loop {

// Python:
//     class Task:
//         def __init__(self, name, delay):
//             self.deadline = time.time() + delay
//             self.ready = False
//         def run(self):
//             if time.time() >= self.deadline:
//                 self.ready = True
class PollTask {
public:
    PollTask(std::string name, double delay, const common::Clock& clock)
        : name(std::move(name)), deadline(clock.now() + delay), clock_(&clock) {}

    // Non-blocking: returns at once whether the deadline has passed or not.
    void run() {
        if (clock_->now() >= deadline) ready = true;
    }

    std::string name;
    double deadline;
    bool ready = false;

private:
    const common::Clock* clock_;
};

}  // namespace manual_loop
