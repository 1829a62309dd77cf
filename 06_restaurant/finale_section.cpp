#include <memory>
#include <vector>

#include <fmt/format.h>

#include "async_waiter.hpp"
#include "common/duration.hpp"
#include "menu.hpp"
#include "sections.hpp"
#include "staff.hpp"
#include "sync_restaurant.hpp"
#include "threaded_restaurant.hpp"

namespace sections {

namespace {

// Each restaurant opens at 12:00:00 on a clock of its own (of the kind the lesson runs on), so
// the three land side by side on one timeline, lanes prefixed "sync ", "threads ", "async ".
// Their story lines are kept out of the way; the table says what they add up to.
template <class Serve>
restaurant::ServiceReport open_restaurant(common::Context& ctx, const char* version, Serve serve) {
    const std::unique_ptr<common::Clock> clock = common::make_story_clock(ctx.clock.is_virtual(), ctx.clock.speed());
    common::Log quiet = common::Log::capturing(*clock);
    restaurant::Staff staff{*clock, quiet, ctx.timeline, fmt::format("{} ", version)};
    const restaurant::ServiceReport report = serve(staff, restaurant::todays_orders());
    ctx.log.plain("{} restaurant: every order served in {}", version, common::format_duration(report.total));
    return report;
}

}  // namespace

void finale(common::Context& ctx) {
    std::vector<restaurant::ServiceReport> reports;
    reports.push_back(open_restaurant(ctx, "sync", [](restaurant::Staff& staff, const auto& orders) {
        return restaurant::serve_in_turn(staff, orders);
    }));
    reports.push_back(open_restaurant(ctx, "threads", [](restaurant::Staff& staff, const auto& orders) {
        return restaurant::serve_with_threads(staff, orders);
    }));
    reports.push_back(open_restaurant(ctx, "async", [](restaurant::Staff& staff, const auto& orders) {
        return restaurant::serve_with_one_loop(staff, orders);
    }));

    ctx.log.plain("");
    ctx.log.plain("{:<8}  {:>7}  {:>7}  {:>7}  {:>7}  {:>7}", "version", "waiters", "threads", "total", "blocked",
                  "share");
    for (const restaurant::ServiceReport& report : reports) {
        ctx.log.plain("{:<8}  {:>7}  {:>7}  {:>7}  {:>7}  {:>6.1f}%", report.version, report.waiters, report.threads,
                      common::format_duration(report.total), common::format_duration(report.blocked),
                      100.0 * report.blocked_share());
    }
    ctx.log.plain("");
    ctx.log.plain(
        "blocked: time a waiter stands at the kitchen and can do nothing else; share: blocked / (waiters x total).");
    ctx.log.plain("The kitchen works the same {} in every version; what changes is how much of it overlaps.",
                  common::format_duration(restaurant::kitchen_tenths(restaurant::todays_orders()) / 10.0));
}

}  // namespace sections
