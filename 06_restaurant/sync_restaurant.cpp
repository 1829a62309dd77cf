#include "sync_restaurant.hpp"

#include <cmath>
#include <deque>

#include <fmt/format.h>

#include "blocking_waiter.hpp"

namespace restaurant {

ServiceReport serve_in_turn(Staff& staff, const std::vector<Order>& orders, int waiters) {
    std::deque<Order> queue(orders.begin(), orders.end());
    const auto start = std::llround(staff.clock.now() * 10.0);
    long long now = start;
    say(staff, static_cast<double>(now) / 10.0, "Received orders");
    ServiceReport report{"sync", waiters, 1, 0, 0, 0};
    for (int id = 1; id <= waiters; ++id) {
        // The cashier calls the next waiter when the previous one comes back.
        BlockingWaiter waiter(staff, id, now);
        if (queue.empty()) {
            staff.timeline.instant(staff.lane(fmt::format("Waiter {}", id)), "no order left", waiter.now());
        }
        // request_orders(): "while not self.orders.empty()", so the first waiter takes them all.
        while (!queue.empty()) {
            const Order order = queue.front();
            queue.pop_front();
            waiter.request_order(order);
        }
        now = waiter.now_tenths();
        report.blocked += waiter.blocked();
    }
    report.end = static_cast<double>(now) / 10.0;
    report.total = static_cast<double>(now - start) / 10.0;
    announce_total(staff, report);
    return report;
}

}  // namespace restaurant
