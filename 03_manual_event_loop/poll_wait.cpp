#include "poll_wait.hpp"

#include "busy_ticker.hpp"

namespace manual_loop {

// Python:
//     def wait(tasks):
//         pending = list(tasks)
//         while pending:
//             for task in pending: task.run()    # and drop those that are ready
PollStats wait(std::vector<PollTask>& tasks, common::Clock& clock, common::Log& log) {
    std::vector<PollTask*> pending;
    for (PollTask& task : tasks) pending.push_back(&task);
    PollStats stats;
    BusyTicker ticker(clock);
    while (!pending.empty()) {
        ++stats.passes;
        std::size_t i = 0;
        while (i < pending.size()) {
            ++stats.polls;
            pending[i]->run();
            if (!pending[i]->ready) {
                ++i;
                continue;
            }
            log.print("{} done (pass {})", pending[i]->name, stats.passes);
            // Removal in O(1): the last task takes the free slot and is polled next. It does not
            // keep the order, which is the point: who finishes first is up to the loop's walk.
            pending[i] = pending.back();
            pending.pop_back();
        }
        if (!pending.empty()) ticker.idle();
    }
    return stats;
}

}  // namespace manual_loop
