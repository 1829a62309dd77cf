#include "round_robin.hpp"
#include "sections.hpp"

namespace sections {

void round_robin(common::Context& ctx) {
    auto& log = ctx.log;
    std::vector<coroutines::NamedTask> tasks;
    tasks.push_back({"A", std::make_unique<coroutines::Steps>("A", 3, log, common::actor_style(0))});
    tasks.push_back({"B", std::make_unique<coroutines::Steps>("B", 2, log, common::actor_style(1))});
    tasks.push_back({"C", std::make_unique<coroutines::Steps>("C", 1, log, common::actor_style(2))});
    log.print("round_robin([steps(\"A\", 3), steps(\"B\", 2), steps(\"C\", 1)])");
    common::Turns turns(ctx.timeline);  // one turn per next(), in the lane of the task it ran
    const int calls = coroutines::round_robin(std::move(tasks), log, &turns);
    log.print("all finished after {} calls of next(): 6 steps, and one more per task to see it end", calls);
}

}  // namespace sections
