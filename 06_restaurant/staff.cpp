#include "staff.hpp"

#include <fmt/format.h>

#include "common/duration.hpp"
#include "story_clock.hpp"

namespace restaurant {

std::string Staff::lane(std::string_view who) const { return lane_prefix + std::string(who); }

void say(const Staff& staff, double at, std::string_view text) { staff.log.plain("{} {}", wall_clock(at), text); }

void say(const Staff& staff, double at, int waiter, int order, std::string_view text) {
    say(staff, at, fmt::format("<Waiter {}> [Order {}] {}", waiter, order, text));
}

void announce_order(const Staff& staff, double at, int waiter, const Order& order) {
    say(staff, at, waiter, order.id, fmt::format("{:*^30}", "Request order!"));
}

void announce_request(const Staff& staff, double at, int waiter, int order, const Product& product) {
    say(staff, at, waiter, order,
        fmt::format("Request {}. Wait {}...", product.name, common::format_duration(product.seconds())));
}

void announce_done(const Staff& staff, double at, int waiter, int order, const Product& product) {
    say(staff, at, waiter, order, fmt::format("Done {}", product.name));
}

void dispatch(const Staff& staff, double at, int waiter, const Order& order) {
    say(staff, at, waiter, order.id, "Done order!");
    for (const Product& product : order.products)
        say(staff, at, waiter, order.id, fmt::format("Dispatch {}", product.name));
    say(staff, at, waiter, order.id, fmt::format("{:-^30}", "Done dispatch!"));
    staff.log.plain("");  // the originals' "\n" after each dispatch
}

void announce_total(const Staff& staff, const ServiceReport& report) {
    say(staff, report.end,
        fmt::format("{}: every order served in {}", report.version, common::format_duration(report.total)));
}

}  // namespace restaurant
