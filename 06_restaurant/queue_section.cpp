#include <string>
#include <vector>

#include <fmt/format.h>

#include "common/clock.hpp"
#include "common/duration.hpp"
#include "common/lesson.hpp"
#include "menu.hpp"
#include "queue_restaurant.hpp"
#include "sections.hpp"
#include "staff.hpp"

namespace sections {

namespace {

std::string cooks_name(int cooks) { return cooks == 0 ? "unlimited" : std::to_string(cooks); }

// One day on a fresh virtual clock, told to nobody: exact, instant, whatever the lesson's clock.
double quiet_day(int waiters, int cooks) {
    common::VirtualClock clock;
    common::Log quiet = common::Log::capturing(clock);
    common::Timeline off;
    restaurant::Staff staff{clock, quiet, off, ""};
    return restaurant::serve_from_queue(staff, restaurant::todays_orders(), waiters, cooks).total;
}

}  // namespace

void queue(common::Context& ctx, int waiters, int cooks) {
    restaurant::Staff staff{ctx.clock, ctx.log, ctx.timeline, ""};
    const restaurant::ServiceReport report =
        restaurant::serve_from_queue(staff, restaurant::todays_orders(), waiters, cooks);
    restaurant::say(
        staff, report.end,
        fmt::format("{} waiters, {} cooks: {}", waiters, cooks_name(cooks), common::format_duration(report.total)));
    ctx.log.plain("");
    ctx.log.plain("total time, K waiter tasks (columns) and C cooks (rows):");
    const std::vector<int> staffs{1, 2, 4};
    std::string header = fmt::format("{:>10}", "cooks");
    for (const int k : staffs) header += fmt::format("  {:>8}", fmt::format("K = {}", k));
    ctx.log.plain("{}", header);
    for (const int c : {1, 2, 0}) {
        std::string row = fmt::format("{:>10}", cooks_name(c));
        for (const int k : staffs) row += fmt::format("  {:>8}", common::format_duration(quiet_day(k, c)));
        ctx.log.plain("{}", row);
    }
}

}  // namespace sections
