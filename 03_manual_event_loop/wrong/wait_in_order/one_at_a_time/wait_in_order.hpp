// Wrong: it waits for each task in list order before it polls the next.
// Solution: a polling wait() that finds tasks done in list order.
#pragma once

#include <string>
#include <vector>

#include "busy_ticker.hpp"
#include "poll_task.hpp"

namespace exercises {

inline std::vector<std::string> wait_in_order(std::vector<manual_loop::PollTask>& tasks, common::Clock& clock) {
    manual_loop::BusyTicker ticker(clock);
    std::vector<std::string> finished;
    std::vector<manual_loop::PollTask*> pending;
    for (manual_loop::PollTask& task : tasks) pending.push_back(&task);
    for (manual_loop::PollTask* task : pending) {
        for (task->run(); !task->ready; task->run()) ticker.idle();
        finished.push_back(task->name);
    }
    return finished;
}

}  // namespace exercises
