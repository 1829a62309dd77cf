#include <fmt/format.h>

#include "common/duration.hpp"
#include "menu.hpp"
#include "sections.hpp"
#include "staff.hpp"
#include "threaded_restaurant.hpp"

namespace sections {

void threads(common::Context& ctx, int waiters) {
    restaurant::Staff staff{ctx.clock, ctx.log, ctx.timeline, ""};
    const std::vector<restaurant::Order> orders = restaurant::todays_orders();
    const restaurant::ServiceReport report = restaurant::serve_with_threads(staff, orders, waiters);
    const double one_waiter = restaurant::kitchen_tenths(orders) / 10.0;
    const double idle = report.waiters * report.total - report.blocked;
    restaurant::say(
        staff, report.end,
        fmt::format("{} of work in {}: {:.2f}x as fast as one waiter, with {}; "
                    "they stood idle {} in all (--timeline shows where)",
                    common::format_duration(one_waiter), common::format_duration(report.total),
                    one_waiter / report.total, waiters == 1 ? "1 waiter" : fmt::format("{} waiters", waiters),
                    common::format_duration(idle)));
}

}  // namespace sections
