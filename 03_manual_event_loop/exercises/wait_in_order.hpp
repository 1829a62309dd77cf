// Exercise: a polling wait() whose finishing order is a rule, not an accident.
//
// The section "polling" found ten tasks of 3 s done in the order 0, 9, 8, ..., 1: its wait()
// removes a finished task by moving the last one into its slot. Write wait_in_order():
//   - each pass polls every pending task once (task.run()), in the order of `tasks`;
//   - a task found ready leaves the pending list, and the others keep their order;
//   - a pass that leaves tasks pending ends with ticker.idle(), so virtual time can move;
//   - it returns the names of the tasks in the order it found them ready.
// Tasks ready in the same pass then come back in list order: "a", "b", "c".
// Run its tests: ./course exercise wait_in_order
#pragma once

#include <string>
#include <vector>

#include "busy_ticker.hpp"
#include "common/todo.hpp"
#include "poll_task.hpp"

namespace exercises {

inline std::vector<std::string> wait_in_order([[maybe_unused]] std::vector<manual_loop::PollTask>& tasks,
                                              common::Clock& clock) {
    manual_loop::BusyTicker ticker(clock);  // ticker.idle() after a pass that leaves tasks pending
    // TODO: poll the pending tasks pass after pass until none is left (see above).
    common::todo("wait_in_order()");
}

}  // namespace exercises
