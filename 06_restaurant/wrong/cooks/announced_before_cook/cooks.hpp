// Wrong: the request is announced when it is made, before a cook is free, so its "Wait" is false.
#pragma once

#include "aio/aio.hpp"
#include "aio/semaphore.hpp"
#include "menu.hpp"
#include "staff.hpp"

namespace exercises {

inline aio::Coroutine<void> request_product(restaurant::Staff& staff, aio::Semaphore& cooks, int waiter, int order,
                                            restaurant::Product product) {
    // The guard gives the cook back when this frame ends: done, failed or cancelled.
    restaurant::announce_request(staff, aio::time(), waiter, order, product);
    const aio::SemaphoreGuard cook = co_await cooks.guard();
    co_await aio::sleep(product.seconds());
    restaurant::announce_done(staff, aio::time(), waiter, order, product);
}

}  // namespace exercises
