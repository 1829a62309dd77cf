// run_busy(): steps every unfinished task on every pass, whether its deadline has come or not,
// and collects the return values. Used by the section "generators".
#pragma once

#include <cstdint>
#include <vector>

#include "common/clock.hpp"
#include "common/timeline.hpp"
#include "step.hpp"

namespace manual_loop {

struct BusyRun {
    std::vector<int> results;  // in creation order, whatever order the tasks finished in
    std::uint64_t passes = 0;
    std::uint64_t steps = 0;
};

// With a timeline, the lane "loop" gets a mark for each tick of the clock in which it stepped
// tasks: one mark per millisecond, since a busy loop steps them all the time.
BusyRun run_busy(std::vector<Task> tasks, common::Clock& clock, common::Timeline* timeline = nullptr);

}  // namespace manual_loop
