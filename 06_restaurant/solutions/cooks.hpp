// Solution: a kitchen of C cooks (see exercises/cooks.hpp).
#pragma once

#include "aio/aio.hpp"
#include "aio/semaphore.hpp"
#include "menu.hpp"
#include "staff.hpp"

namespace exercises {

inline aio::Coroutine<void> request_product(restaurant::Staff& staff, aio::Semaphore& cooks, int waiter, int order,
                                            restaurant::Product product) {
    // The guard gives the cook back when this frame ends: done, failed or cancelled.
    const aio::SemaphoreGuard cook = co_await cooks.guard();
    restaurant::announce_request(staff, aio::time(), waiter, order, product);
    co_await aio::sleep(product.seconds());
    restaurant::announce_done(staff, aio::time(), waiter, order, product);
}

}  // namespace exercises
