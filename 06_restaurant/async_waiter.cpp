#include "async_waiter.hpp"

#include <string>
#include <utility>

#include <fmt/format.h>

namespace restaurant {

aio::Coroutine<void> AsyncWaiter::request_orders(std::vector<Order> orders) {
    std::vector<aio::Coroutine<void>> requests;
    requests.reserve(orders.size());
    for (Order& order : orders) requests.push_back(request_order(std::move(order)));
    co_await aio::gather(std::move(requests));
}

aio::Coroutine<void> AsyncWaiter::request_order(Order order) {
    open_order();
    const double start = aio::time();
    const std::string lane = staff_.lane(fmt::format("W{} order {}", id_, order.id));
    staff_.timeline.instant(lane, "Request order!", start);  // lanes in order of the requests
    announce_order(staff_, id_, order);
    std::vector<aio::Coroutine<void>> requests;
    requests.reserve(order.products.size());
    for (const Product& product : order.products) requests.push_back(request_product(order.id, product));
    co_await aio::gather(std::move(requests));
    dispatch(staff_, id_, order);
    staff_.timeline.span(lane, fmt::format("Order {}", order.id), start, aio::time());
    close_order();
}

aio::Coroutine<void> AsyncWaiter::request_product(int order, Product product) {
    announce_request(staff_, id_, order, product);
    co_await aio::sleep(product.seconds());
    announce_done(staff_, id_, order, product);
}

void AsyncWaiter::open_order() {
    if (open_orders_++ == 0) busy_since_ = staff_.clock.now();
}

void AsyncWaiter::close_order() {
    if (--open_orders_ == 0) busy_ += staff_.clock.now() - busy_since_;
}

ServiceReport serve_with_one_loop(Staff& staff, const std::vector<Order>& orders) {
    say(staff, "Received orders");
    const double start = staff.clock.now();
    AsyncWaiter waiter(staff, 1);
    aio::run(waiter.request_orders(orders), {.clock = &staff.clock});
    const ServiceReport report{"async", 1, 1, staff.clock.now() - start, waiter.busy()};
    announce_total(staff, report);
    return report;
}

}  // namespace restaurant
