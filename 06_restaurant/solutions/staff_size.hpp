// Solution: the fewest waiter threads for a target (see exercises/staff_size.hpp).
#pragma once

#include <vector>

#include "common/clock.hpp"
#include "common/log.hpp"
#include "common/timeline.hpp"
#include "menu.hpp"
#include "staff.hpp"
#include "threaded_restaurant.hpp"

namespace exercises {

inline int waiters_needed(const std::vector<restaurant::Order>& orders, double target) {
    // A waiter serves a whole order alone, so one waiter per order is as fast as it gets: the
    // day never ends before its longest order. More waiters than orders only stand around.
    const auto most = static_cast<int>(orders.size());
    for (int waiters = 1; waiters <= most; ++waiters) {
        common::VirtualClock clock;
        common::Log quiet = common::Log::capturing(clock);
        common::Timeline off;
        restaurant::Staff staff{clock, quiet, off, ""};
        if (restaurant::serve_with_threads(staff, orders, waiters).total <= target) return waiters;
    }
    return 0;
}

}  // namespace exercises
