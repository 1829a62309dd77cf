#include "blocking_waiter.hpp"

#include <fmt/format.h>

namespace restaurant {

void BlockingWaiter::request_order(const Order& order) {
    const long long start = now_;
    announce_order(staff_, now(), id_, order);
    for (const Product& product : order.products) request_product(order, product);
    dispatch(staff_, now(), id_, order);
    staff_.timeline.span(staff_.lane(fmt::format("Waiter {}", id_)), fmt::format("Order {}", order.id),
                         static_cast<double>(start) / 10.0, now());
}

void BlockingWaiter::request_product(const Order& order, const Product& product) {
    announce_request(staff_, now(), id_, order.id, product);
    now_ += product.tenths;
    blocked_ += product.tenths;
    staff_.clock.sleep_until(now());  // the waiter stands still at the kitchen: time.sleep()
    announce_done(staff_, now(), id_, order.id, product);
}

}  // namespace restaurant
