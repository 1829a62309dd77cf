#include "round_robin.hpp"

#include <deque>
#include <utility>

namespace coroutines {

int round_robin(std::vector<NamedTask> tasks, common::Log& log, common::Turns* turns) {
    // A deque is all the queue needs: take from the front, put back at the end.
    std::deque<NamedTask> queue(std::make_move_iterator(tasks.begin()), std::make_move_iterator(tasks.end()));
    int steps = 0;
    while (!queue.empty()) {
        NamedTask current = std::move(queue.front());
        queue.pop_front();
        ++steps;
        const bool stepped = current.task->next().has_value();
        if (turns != nullptr) turns->run(current.name, stepped ? "step" : "end");
        if (stepped) {
            queue.push_back(std::move(current));
        } else {
            log.print("round_robin: {} finished", current.name);
        }
    }
    return steps;
}

}  // namespace coroutines
