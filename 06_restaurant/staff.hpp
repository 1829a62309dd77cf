// What every waiter of every version works with (a clock, a log, a timeline), the lines the
// originals log, and the report each version hands to the finale's summary table.
#pragma once

#include <string>
#include <string_view>

#include "common/clock.hpp"
#include "common/log.hpp"
#include "common/timeline.hpp"
#include "menu.hpp"

namespace restaurant {

struct Staff {
    common::Clock& clock;
    common::Log& log;
    common::Timeline& timeline;
    std::string lane_prefix;  // empty in a section; "sync " and so on in the finale

    [[nodiscard]] std::string lane(std::string_view who) const;
};

// One restaurant's day in numbers: the finale's table has one row per report.
struct ServiceReport {
    std::string version;
    int waiters = 0;
    int threads = 0;     // OS threads that run waiters
    double end = 0;      // story time of the last dispatch
    double total = 0;    // from the first order to the last dispatch
    double blocked = 0;  // summed over the waiters: time standing at the kitchen, unable to do anything else
    // The share of the staff's time (waiters x total) spent blocked.
    [[nodiscard]] double blocked_share() const { return total > 0 ? blocked / (waiters * total) : 0.0; }
};

// The originals' log lines, "12:00:07 <Waiter 1> [Order 0] Done burger", stamped with `at`: the
// story time of the event, which the waiter knows (the burger was due at 7.5 s), so the story
// does not depend on how late a thread wakes, on any clock.
void say(const Staff& staff, double at, std::string_view text);
void say(const Staff& staff, double at, int waiter, int order, std::string_view text);
void announce_order(const Staff& staff, double at, int waiter, const Order& order);  // Request order!
void announce_request(const Staff& staff, double at, int waiter, int order, const Product& product);
void announce_done(const Staff& staff, double at, int waiter, int order, const Product& product);  // Done burger
void dispatch(const Staff& staff, double at, int waiter, const Order& order);  // Done order! ... Done dispatch!
void announce_total(const Staff& staff, const ServiceReport& report);          // the last line

}  // namespace restaurant
