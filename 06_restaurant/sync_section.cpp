#include "menu.hpp"
#include "sections.hpp"
#include "staff.hpp"
#include "sync_restaurant.hpp"

namespace sections {

void sync(common::Context& ctx) {
    restaurant::Staff staff{ctx.clock, ctx.log, ctx.timeline, ""};
    const restaurant::ServiceReport report = restaurant::serve_in_turn(staff, restaurant::todays_orders());
    restaurant::say(staff, report.end, "Waiter 2 was called once waiter 1 had served every order: he never worked");
}

}  // namespace sections
