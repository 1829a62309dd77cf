#include "queue_restaurant.hpp"

#include <cmath>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/queue.hpp"
#include "kitchen.hpp"

namespace restaurant {

namespace {

struct Shift {
    Staff& staff;
    aio::Queue<Order>& orders;
    Kitchen& kitchen;
};

// The request waits for a free cook, so it is logged when a cook takes it: "Wait 7.5 s" is then
// true, whenever the waiter asked.
aio::Coroutine<void> request_product(Shift& shift, int waiter, int order, Product product) {
    const aio::SemaphoreGuard cook = co_await shift.kitchen.free_cook();
    announce_request(shift.staff, aio::time(), waiter, order, product);
    co_await aio::sleep(product.seconds());
    announce_done(shift.staff, aio::time(), waiter, order, product);
}

// A waiter task: take an order, ask for its products at once, dispatch, task_done(), again.
// It stops when the cashier cancels it, waiting in get().
aio::Coroutine<void> waiter_shift(Shift& shift, int waiter) {
    const std::string lane = shift.staff.lane(fmt::format("Waiter {}", waiter));
    for (;;) {
        const Order order = co_await shift.orders.get();
        const double start = aio::time();
        announce_order(shift.staff, start, waiter, order);
        std::vector<aio::Coroutine<void>> requests;
        for (const Product& product : order.products) {
            requests.push_back(request_product(shift, waiter, order.id, product));
        }
        co_await aio::gather(std::move(requests));
        dispatch(shift.staff, aio::time(), waiter, order);
        shift.staff.timeline.span(lane, fmt::format("Order {}", order.id), start, aio::time());
        shift.orders.task_done();
    }
}

aio::Coroutine<void> open_restaurant(Shift& shift, const std::vector<Order>& orders, int waiters) {
    for (const Order& order : orders) shift.orders.put_nowait(order);
    std::vector<aio::Task<void>> staff;
    for (int id = 1; id <= waiters; ++id) staff.push_back(aio::create_task(waiter_shift(shift, id)));
    co_await shift.orders.join();  // every order dispatched
    for (aio::Task<void>& waiter : staff) waiter.cancel();
    for (aio::Task<void>& waiter : staff) {
        try {
            co_await waiter;
        } catch (const aio::CancelledError&) {  // what we asked for: the shift is over
        }
    }
}

}  // namespace

ServiceReport serve_from_queue(Staff& staff, const std::vector<Order>& orders, int waiters, int cooks) {
    const double start = staff.clock.now();
    say(staff, start, "Received orders");
    aio::Queue<Order> queue;
    Kitchen kitchen(cooks);
    Shift shift{staff, queue, kitchen};
    aio::run(open_restaurant(shift, orders, waiters), {.clock = &staff.clock});
    // Every wait is a whole number of tenths, but a sum of them in doubles may be off in its last
    // bit (16.1 s + 7.5 s): the day's end is read to the tenth.
    const double end = std::round(staff.clock.now() * 10.0) / 10.0;
    // Waiter tasks never stand at the kitchen: blocked 0 s.
    const ServiceReport report{"queue", waiters, 1, end, end - start, 0.0};
    announce_total(staff, report);
    return report;
}

}  // namespace restaurant
