// Wrong: the cook is taken with acquire() and given back with release(), which a cancellation skips.
#pragma once

#include "aio/aio.hpp"
#include "aio/semaphore.hpp"
#include "menu.hpp"
#include "staff.hpp"

namespace exercises {

inline aio::Coroutine<void> request_product(restaurant::Staff& staff, aio::Semaphore& cooks, int waiter, int order,
                                            restaurant::Product product) {
    co_await cooks.acquire();
    restaurant::announce_request(staff, aio::time(), waiter, order, product);
    co_await aio::sleep(product.seconds());
    restaurant::announce_done(staff, aio::time(), waiter, order, product);
    cooks.release();
}

}  // namespace exercises
