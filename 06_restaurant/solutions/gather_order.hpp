// Solution: gather one order's products, then dispatch (see exercises/gather_order.hpp).
#pragma once

#include <vector>

#include "aio/aio.hpp"
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
    std::vector<aio::Coroutine<void>> requests;
    requests.reserve(order.products.size());
    for (const restaurant::Product& product : order.products) {
        requests.push_back(request_product(staff, waiter, order.id, product));
    }
    co_await aio::gather(std::move(requests));  // every product is in the kitchen at once
    restaurant::dispatch(staff, aio::time(), waiter, order);
}

}  // namespace exercises
