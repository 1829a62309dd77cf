// Wrong: it idles one tick more after the pass that found the last task.
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
    while (!pending.empty()) {
        // One pass: poll everyone, then drop the ready ones; erase_if keeps the rest in order.
        for (manual_loop::PollTask* task : pending) {
            task->run();
            if (task->ready) finished.push_back(task->name);
        }
        std::erase_if(pending, [](const manual_loop::PollTask* task) { return task->ready; });
        ticker.idle();
    }
    return finished;
}

}  // namespace exercises
