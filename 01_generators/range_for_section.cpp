#include <fmt/format.h>

#include "common/turns.hpp"
#include "counter.hpp"
#include "generator_iterator.hpp"
#include "sections.hpp"

namespace sections {

void range_for(common::Context& ctx) {
    auto& log = ctx.log;
    common::Turns turns(ctx.timeline);  // the loop and the body take turns
    log.print("for (int x : count_up_to(3, log))   # Python: for x in count_up_to(3)");
    turns.run("loop", "for");
    // begin() runs the body to the first yield; each ++it runs it to the next one.
    for (const int x : generators::count_up_to(3, log)) {
        turns.run("count_up_to", fmt::format("{}", x));
        log.print("  x = {}", x);
        turns.run("loop", "x =");
    }
    turns.run("count_up_to", "end");
    log.print("the loop ends when next() returns nullopt: the iterator then equals end()");
}

}  // namespace sections
