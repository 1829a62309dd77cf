#include "blocking_waiter.hpp"

#include <fmt/format.h>

namespace restaurant {

void BlockingWaiter::request_order(const Order& order) {
    const double start = staff_.clock.now();
    announce_order(staff_, id_, order);
    for (const Product& product : order.products) request_product(order, product);
    dispatch(staff_, id_, order);
    const double end = staff_.clock.now();
    busy_ += end - start;
    staff_.timeline.span(staff_.lane(fmt::format("Waiter {}", id_)), fmt::format("Order {}", order.id), start, end);
}

void BlockingWaiter::request_product(const Order& order, const Product& product) {
    announce_request(staff_, id_, order.id, product);
    wait_at_kitchen(staff_.clock, product);  // the waiter stands still: time.sleep()
    announce_done(staff_, id_, order.id, product);
}

}  // namespace restaurant
