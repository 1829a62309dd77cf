// The seed of an event loop: a queue of generator tasks, each run one step at a time, in
// turns, until all have finished. Used by the section "round_robin".
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "common/log.hpp"
#include "common/turns.hpp"
#include "steps.hpp"

namespace coroutines {

struct NamedTask {
    std::string name;
    std::unique_ptr<Task> task;
};

// Python:
//     def round_robin(tasks):
//         queue = deque(tasks)
//         while queue:
//             name, task = queue.popleft()
//             try:
//                 next(task)
//                 queue.append((name, task))
//             except StopIteration:
//                 print(f"round_robin: {name} finished")
// Returns the number of next() calls it made. With `turns`, each call is drawn as a turn of the
// task it ran.
int round_robin(std::vector<NamedTask> tasks, common::Log& log, common::Turns* turns = nullptr);

}  // namespace coroutines
