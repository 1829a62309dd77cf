// The originals' asynchronous Waiter: it asks the kitchen for every product of every order at
// once (gather within an order, gather across orders) and dispatches each order as soon as its
// last product is ready. One waiter, one thread. Section async.
#pragma once

#include <vector>

#include "aio/aio.hpp"
#include "menu.hpp"
#include "staff.hpp"

namespace restaurant {

// Each coroutine reads the time from the loop's clock (aio::time()), as the originals' logging
// reads the time from theirs. The loop runs on staff.clock.
class AsyncWaiter {
public:
    AsyncWaiter(Staff& staff, int id) : staff_(staff), id_(id) {}

    // request_orders(): one task per order, all at once. Returns when the last one left.
    aio::Coroutine<void> request_orders(std::vector<Order> orders);
    // request_order(): one task per product, all at once, then dispatch.
    aio::Coroutine<void> request_order(Order order);
    // request_product(): "await asyncio.sleep(...)": the waiter is free meanwhile.
    aio::Coroutine<void> request_product(int order, Product product);

private:
    Staff& staff_;
    int id_;
};

// The whole day on a new event loop over staff.clock: asyncio.run(waiter.request_orders()).
ServiceReport serve_with_one_loop(Staff& staff, const std::vector<Order>& orders);

}  // namespace restaurant
