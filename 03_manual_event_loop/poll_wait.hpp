// wait(): the first event loop, a busy one. It polls every pending task until none is left.
// Used by the section "polling".
#pragma once

#include <cstdint>
#include <vector>

#include "common/log.hpp"
#include "poll_task.hpp"

namespace manual_loop {

struct PollStats {
    std::uint64_t passes = 0;  // walks over the pending list
    std::uint64_t polls = 0;   // calls to run()
};

// Polls until every task is ready, and logs "<name> done (pass N)" when it finds one.
// A task is found done only when the loop polls it: the order is the loop's, not the deadlines'.
PollStats wait(std::vector<PollTask>& tasks, common::Clock& clock, common::Log& log);

}  // namespace manual_loop
