#include <stdexcept>

#include "common/turns.hpp"
#include "greenlet.hpp"
#include "sections.hpp"

namespace sections {

void greenlet_error(common::Context& ctx) {
    auto& log = ctx.log;
    common::Turns turns(ctx.timeline);  // who runs: main, then bake on its own stack, then main
    log.print("main: g = greenlet(bake)");
    greenlet::Greenlet g([&] {
        turns.run("bake", "raise");
        log.print("bake: the oven is on fire, raising");
        throw std::runtime_error("the oven is on fire");
    });
    log.print("main: g.switch()");
    turns.run("main", "switch");
    try {
        g.switch_to();
        log.print("main: no exception");
    } catch (const std::runtime_error& error) {
        // The exception was caught on g's stack, and thrown again here, on main's stack.
        turns.run("main", "catch");
        log.print("main: caught from switch_to(): {}", error.what());
    }
    log.print("main: g.finished() = {}", g.finished());
    log.print("main: g.switch() again");
    try {
        g.switch_to();
    } catch (const std::logic_error& error) {
        turns.run("main", "refused");
        log.print("main: logic_error: {}", error.what());
    }
}

}  // namespace sections
