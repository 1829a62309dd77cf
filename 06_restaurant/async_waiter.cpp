#include "async_waiter.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include <fmt/format.h>

namespace restaurant {

aio::Coroutine<double> AsyncWaiter::request_orders(std::vector<Order> orders, double at) {
    std::vector<aio::Coroutine<double>> requests;
    requests.reserve(orders.size());
    for (Order& order : orders) requests.push_back(request_order(std::move(order), at));
    const std::vector<double> ends = co_await aio::gather(std::move(requests));
    co_return ends.empty() ? at : *std::max_element(ends.begin(), ends.end());
}

aio::Coroutine<double> AsyncWaiter::request_order(Order order, double at) {
    open_order(at);
    const std::string lane = staff_.lane(fmt::format("W{} order {}", id_, order.id));
    staff_.timeline.instant(lane, "Request order!", at);  // lanes in order of the requests
    announce_order(staff_, at, id_, order);
    std::vector<aio::Coroutine<double>> requests;
    requests.reserve(order.products.size());
    for (const Product& product : order.products) requests.push_back(request_product(order.id, product, at));
    const std::vector<double> ready = co_await aio::gather(std::move(requests));  // all in the kitchen at once
    const double end = ready.empty() ? at : *std::max_element(ready.begin(), ready.end());
    dispatch(staff_, end, id_, order);
    staff_.timeline.span(lane, fmt::format("Order {}", order.id), at, end);
    close_order(end);
    co_return end;
}

aio::Coroutine<double> AsyncWaiter::request_product(int order, Product product, double at) {
    announce_request(staff_, at, id_, order, product);
    const double due = at + product.seconds();
    // Relative, as in the original: two requests of the same product made one after the other
    // are due one after the other in real time too, so they come back in the order asked.
    co_await aio::sleep(product.seconds());
    announce_done(staff_, due, id_, order, product);
    co_return due;
}

void AsyncWaiter::open_order(double at) {
    if (open_orders_++ == 0) busy_since_ = at;
}

void AsyncWaiter::close_order(double at) {
    if (--open_orders_ == 0) busy_ += at - busy_since_;
}

ServiceReport serve_with_one_loop(Staff& staff, const std::vector<Order>& orders) {
    const double start = staff.clock.now();
    say(staff, start, "Received orders");
    AsyncWaiter waiter(staff, 1);
    const double end = aio::run(waiter.request_orders(orders, start), {.clock = &staff.clock});
    const ServiceReport report{"async", 1, 1, end, end - start, waiter.busy()};
    announce_total(staff, report);
    return report;
}

}  // namespace restaurant
