// Exercise: a kitchen of C cooks (section queue).
//
// request_product(staff, cooks, waiter, order, product) has `product` made by one of the
// kitchen's cooks: `cooks` is an aio::Semaphore with one permit per cook. The product waits for
// a free cook; when a cook takes it, the request is announced (restaurant::announce_request:
// its "Wait 7.5 s" is then true); product.seconds() later it is announced done
// (restaurant::announce_done), and the cook is free for the next product. A cook is free again
// whatever happens to the task that asked, even when it is cancelled while the cook works.
// Every line is stamped with aio::time().
// Run its tests: ./course exercise cooks
#pragma once

#include "aio/aio.hpp"
#include "aio/semaphore.hpp"
#include "common/todo.hpp"
#include "menu.hpp"
#include "staff.hpp"

namespace exercises {

inline aio::Coroutine<void> request_product(restaurant::Staff& staff, aio::Semaphore& cooks, int waiter, int order,
                                            restaurant::Product product) {
    // TODO: one cook per product, at most as many at once as `cooks` has permits.
    (void)staff;
    (void)cooks;
    (void)waiter;
    (void)order;
    (void)product;
    common::todo("request_product()");
    co_return;
}

}  // namespace exercises
