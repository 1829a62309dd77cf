#include "queue_restaurant.hpp"

#include <algorithm>
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
    long long end = 0;   // story time of the last dispatch, in tenths
    long long busy = 0;  // summed over the waiters, in tenths
};

double seconds(long long tenths) { return static_cast<double>(tenths) / 10.0; }

aio::Coroutine<long long> request_product(Shift& shift, int waiter, int order, Product product, long long at) {
    announce_request(shift.staff, seconds(at), waiter, order, product);
    const long long ready = co_await shift.kitchen.cook(product, at);
    announce_done(shift.staff, seconds(ready), waiter, order, product);
    co_return ready;
}

// A waiter task: take an order, ask for its products at once, dispatch, task_done(), again.
// It stops when the cashier cancels it, waiting in get().
aio::Coroutine<void> waiter_shift(Shift& shift, int waiter, long long at) {
    const std::string lane = shift.staff.lane(fmt::format("Waiter {}", waiter));
    for (;;) {
        const Order order = co_await shift.orders.get();
        announce_order(shift.staff, seconds(at), waiter, order);
        std::vector<aio::Coroutine<long long>> requests;
        requests.reserve(order.products.size());
        for (const Product& product : order.products) {
            requests.push_back(request_product(shift, waiter, order.id, product, at));
        }
        const std::vector<long long> ready = co_await aio::gather(std::move(requests));
        const long long end = ready.empty() ? at : *std::max_element(ready.begin(), ready.end());
        dispatch(shift.staff, seconds(end), waiter, order);
        shift.staff.timeline.span(lane, fmt::format("Order {}", order.id), seconds(at), seconds(end));
        shift.busy += end - at;
        shift.end = std::max(shift.end, end);
        at = end;
        shift.orders.task_done();
    }
}

aio::Coroutine<void> open_restaurant(Shift& shift, const std::vector<Order>& orders, int waiters, long long start) {
    for (const Order& order : orders) shift.orders.put_nowait(order);
    std::vector<aio::Task<void>> staff;
    for (int id = 1; id <= waiters; ++id) staff.push_back(aio::create_task(waiter_shift(shift, id, start)));
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
    const long long start = std::llround(staff.clock.now() * 10.0);
    say(staff, seconds(start), "Received orders");
    aio::Queue<Order> queue;
    Kitchen kitchen(cooks);
    Shift shift{staff, queue, kitchen, start, 0};
    aio::run(open_restaurant(shift, orders, waiters, start), {.clock = &staff.clock});
    const ServiceReport report{
        "queue", waiters, 1, seconds(shift.end), seconds(shift.end - start), seconds(shift.busy)};
    announce_total(staff, report);
    return report;
}

}  // namespace restaurant
