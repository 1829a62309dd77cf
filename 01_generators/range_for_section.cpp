#include "counter.hpp"
#include "generator_iterator.hpp"
#include "sections.hpp"

namespace sections {

void range_for(common::Context& ctx) {
    auto& log = ctx.log;
    log.print("for (int x : count_up_to(3, log))   # Python: for x in count_up_to(3)");
    // begin() runs the body to the first yield; each ++it runs it to the next one.
    for (const int x : generators::count_up_to(3, log)) log.print("  x = {}", x);
    log.print("the loop ends when next() returns nullopt: the iterator then equals end()");
}

}  // namespace sections
