#include "async_waiter.hpp"
#include "menu.hpp"
#include "sections.hpp"
#include "staff.hpp"

namespace sections {

void async(common::Context& ctx) {
    restaurant::Staff staff{ctx.clock, ctx.log, ctx.timeline, ""};
    const restaurant::ServiceReport report = restaurant::serve_with_one_loop(staff, restaurant::todays_orders());
    restaurant::say(staff, report.end,
                    "One waiter, one thread: the day lasts as long as its slowest product, a burger");
}

}  // namespace sections
