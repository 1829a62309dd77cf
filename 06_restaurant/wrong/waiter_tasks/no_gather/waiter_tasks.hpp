// Wrong: the waiter awaits one product after the other instead of asking for all of them at once.
#pragma once

#include <utility>
#include <vector>

#include "aio/aio.hpp"
#include "aio/queue.hpp"
#include "menu.hpp"
#include "staff.hpp"

namespace exercises {

// A kitchen with a cook for every product: ready product.seconds() after it is asked for.
inline aio::Coroutine<void> request_product(restaurant::Staff& staff, int waiter, int order,
                                            restaurant::Product product) {
    restaurant::announce_request(staff, aio::time(), waiter, order, product);
    co_await aio::sleep(product.seconds());
    restaurant::announce_done(staff, aio::time(), waiter, order, product);
}

// One waiter task: an order at a time, all its products at once. It ends only when cancelled.
inline aio::Coroutine<void> waiter_shift(restaurant::Staff& staff, aio::Queue<restaurant::Order>& orders, int waiter) {
    for (;;) {
        const restaurant::Order order = co_await orders.get();
        restaurant::announce_order(staff, aio::time(), waiter, order);
        for (const restaurant::Product& product : order.products) {
            co_await request_product(staff, waiter, order.id, product);
        }
        restaurant::dispatch(staff, aio::time(), waiter, order);
        orders.task_done();  // join() counts it: without this it would wait for ever
    }
}

inline aio::Coroutine<void> serve_orders(restaurant::Staff& staff, aio::Queue<restaurant::Order>& orders, int waiters) {
    std::vector<aio::Task<void>> shift;
    for (int waiter = 1; waiter <= waiters; ++waiter)
        shift.push_back(aio::create_task(waiter_shift(staff, orders, waiter)));
    co_await orders.join();                             // every order dispatched
    for (aio::Task<void>& task : shift) task.cancel();  // the waiters left are waiting in get(): send them home
    for (aio::Task<void>& task : shift) {
        try {
            co_await task;
        } catch (const aio::CancelledError&) {  // what we asked for
        }
    }
}

}  // namespace exercises
