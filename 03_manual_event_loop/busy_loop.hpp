// run_busy(): steps every unfinished task on every pass, whether its deadline has come or not,
// and collects the return values. Used by the section "generators".
#pragma once

#include <cstdint>
#include <vector>

#include "common/clock.hpp"
#include "step.hpp"

namespace manual_loop {

struct BusyRun {
    std::vector<int> results;  // in creation order, whatever order the tasks finished in
    std::uint64_t passes = 0;
    std::uint64_t steps = 0;
};

BusyRun run_busy(std::vector<Task> tasks, common::Clock& clock);

}  // namespace manual_loop
