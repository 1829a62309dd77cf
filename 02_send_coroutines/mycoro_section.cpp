#include "mycoro.hpp"
#include "caller_turns.hpp"
#include "sections.hpp"

namespace sections {

void mycoro(common::Context& ctx) {
    auto& log = ctx.log;
    coroutines::MyCoro coro;
    common::Turns turns(ctx.timeline);  // the caller and the body take turns
    log.print("coro = mycoro(); next(coro)   # primes it: runs to the first yield, which hands out the total");
    log.print("  -> {}", *coroutines::next_drawn(turns, "mycoro", coro));
    for (const double x : {10.0, 20.0, 5.0, 1.5})
        log.print("coro.send({}) -> {}", x, *coroutines::send_drawn(turns, "mycoro", coro, x));
    log.print("the total is a double from the start: Python's turns from int to float at 1.5");
}

}  // namespace sections
