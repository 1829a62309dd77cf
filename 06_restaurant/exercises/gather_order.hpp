// Exercise: make the waiter asynchronous for one order: request every product at once, then
// dispatch.
//
// Python (the originals' async waiter):
//     async def request_order(self, order):
//         logging.info(... 'Request order!' ...)
//         await asyncio.gather(*[self.request_product(p, order['id']) for p in order['products']])
//         self.dispatch_order(order)
//
// request_product() below is already asynchronous. serve_order() is still the sync waiter's
// loop: it awaits one product after the other, so order 1 takes 20.2 s. Make it take 7.5 s, its
// slowest product, with the same lines as the originals.
// Run its tests: ./course exercise gather_order
#pragma once

#include <vector>

#include "aio/aio.hpp"
#include "common/todo.hpp"
#include "menu.hpp"
#include "staff.hpp"

namespace exercises {

inline aio::Coroutine<void> request_product(restaurant::Staff& staff, int waiter, int order,
                                            restaurant::Product product) {
    restaurant::announce_request(staff, aio::time(), waiter, order, product);
    co_await aio::sleep(product.seconds());
    restaurant::announce_done(staff, aio::time(), waiter, order, product);
}

inline aio::Coroutine<void> serve_order(restaurant::Staff& staff, int waiter, restaurant::Order order) {
    restaurant::announce_order(staff, aio::time(), waiter, order);
    // TODO: request every product at once instead of one after the other.
    common::todo("serve_order(): gather the order's products");
    for (const restaurant::Product& product : order.products)
        co_await request_product(staff, waiter, order.id, product);
    restaurant::dispatch(staff, aio::time(), waiter, order);
}

}  // namespace exercises
