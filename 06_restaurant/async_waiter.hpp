// The originals' asynchronous Waiter: it asks the kitchen for every product of every order at
// once (gather within an order, gather across orders) and dispatches each order as soon as its
// last product is ready. One waiter, one thread. Section async.
#pragma once

#include <vector>

#include "aio/aio.hpp"
#include "menu.hpp"
#include "staff.hpp"

namespace restaurant {

// Each coroutine is told the story time `at` it starts, and returns the story time it ends:
// a product is ready when it is due, whenever the thread gets to it (see say() in staff.hpp).
class AsyncWaiter {
public:
    AsyncWaiter(Staff& staff, int id) : staff_(staff), id_(id) {}

    // request_orders(): one task per order, all at once. Returns when the last one left.
    aio::Coroutine<double> request_orders(std::vector<Order> orders, double at);
    // request_order(): one task per product, all at once, then dispatch.
    aio::Coroutine<double> request_order(Order order, double at);
    // request_product(): "await asyncio.sleep(...)": the waiter is free meanwhile.
    aio::Coroutine<double> request_product(int order, Product product, double at);

    // Time with at least one order in hand.
    [[nodiscard]] double busy() const noexcept { return busy_; }

private:
    void open_order(double at);
    void close_order(double at);

    Staff& staff_;
    int id_;
    int open_orders_ = 0;
    double busy_since_ = 0;
    double busy_ = 0;
};

// The whole day on a new event loop over staff.clock: asyncio.run(waiter.request_orders()).
ServiceReport serve_with_one_loop(Staff& staff, const std::vector<Order>& orders);

}  // namespace restaurant
