#include "sync_restaurant.hpp"

#include <deque>
#include <fmt/format.h>

#include "blocking_waiter.hpp"

namespace restaurant {

ServiceReport serve_in_turn(Staff& staff, const std::vector<Order>& orders, int waiters) {
    std::deque<Order> queue(orders.begin(), orders.end());
    say(staff, "Received orders");
    const double start = staff.clock.now();
    ServiceReport report{"sync", waiters, 1, 0, 0};
    for (int id = 1; id <= waiters; ++id) {
        BlockingWaiter waiter(staff, id);
        // request_orders(): "while not self.orders.empty()", so the first waiter takes them all.
        if (queue.empty())
            staff.timeline.instant(staff.lane(fmt::format("Waiter {}", id)), "no order left", staff.clock.now());
        while (!queue.empty()) {
            const Order order = queue.front();
            queue.pop_front();
            waiter.request_order(order);
        }
        report.busy += waiter.busy();
    }
    report.total = staff.clock.now() - start;
    announce_total(staff, report);
    return report;
}

}  // namespace restaurant
