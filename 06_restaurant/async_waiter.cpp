#include "async_waiter.hpp"

#include <string>
#include <utility>

#include <fmt/format.h>

namespace restaurant {

aio::Coroutine<void> AsyncWaiter::request_orders(std::vector<Order> orders) {
    std::vector<aio::Coroutine<void>> requests;
    for (Order& order : orders) requests.push_back(request_order(std::move(order)));
    co_await aio::gather(std::move(requests));  // every order at once
}

aio::Coroutine<void> AsyncWaiter::request_order(Order order) {
    const double start = aio::time();
    const std::string lane = staff_.lane(fmt::format("W{} order {}", id_, order.id));
    staff_.timeline.instant(lane, "Request order!", start);  // --timeline: lanes in order of the requests
    announce_order(staff_, start, id_, order);
    std::vector<aio::Coroutine<void>> requests;
    for (const Product& product : order.products) requests.push_back(request_product(order.id, product));
    co_await aio::gather(std::move(requests));  // every product in the kitchen at once
    dispatch(staff_, aio::time(), id_, order);
    staff_.timeline.span(lane, fmt::format("Order {}", order.id), start, aio::time());
}

aio::Coroutine<void> AsyncWaiter::request_product(int order, Product product) {
    announce_request(staff_, aio::time(), id_, order, product);
    co_await aio::sleep(product.seconds());  // the kitchen works; the waiter is free
    announce_done(staff_, aio::time(), id_, order, product);
}

ServiceReport serve_with_one_loop(Staff& staff, const std::vector<Order>& orders) {
    const double start = staff.clock.now();
    say(staff, start, "Received orders");
    AsyncWaiter waiter(staff, 1);
    aio::run(waiter.request_orders(orders), {.clock = &staff.clock});
    const double end = staff.clock.now();
    // The async waiter never stands at the kitchen: blocked 0 s.
    const ServiceReport report{"async", 1, 1, end, end - start, 0.0};
    announce_total(staff, report);
    return report;
}

}  // namespace restaurant
