#include "busy_loop.hpp"

#include <optional>

#include "busy_ticker.hpp"

namespace manual_loop {

BusyRun run_busy(std::vector<Task> tasks, common::Clock& clock, common::Timeline* timeline) {
    // A result slot per task, by creation index: that is how the values come back in order.
    std::vector<std::optional<int>> results(tasks.size());
    std::size_t pending = tasks.size();
    BusyRun run;
    BusyTicker ticker(clock);
    double marked_at = -1.0;  // the clock moves in 1 ms ticks: one mark per tick is enough to see
    while (pending > 0) {
        ++run.passes;
        if (timeline != nullptr && timeline->enabled() && clock.now() != marked_at) {
            marked_at = clock.now();
            timeline->instant("loop", "steps every unfinished task", marked_at);
        }
        for (std::size_t i = 0; i < tasks.size(); ++i) {
            if (results[i]) continue;
            ++run.steps;
            const Step step = tasks[i]();
            if (const auto* returned = std::get_if<Return>(&step)) {
                results[i] = returned->value;
                --pending;
            }
            // A Yield is ignored: this loop asks again on the next pass anyway.
        }
        if (pending > 0) ticker.idle();
    }
    for (const std::optional<int>& result : results) run.results.push_back(*result);
    return run;
}

}  // namespace manual_loop
