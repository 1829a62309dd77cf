#include "threaded_restaurant.hpp"

#include <algorithm>
#include <cmath>
#include <cstddef>

#include <fmt/format.h>

#include "blocking_waiter.hpp"
#include "common/clock_thread.hpp"
#include "order_queue.hpp"

namespace restaurant {

namespace {

// While it lives, this thread's sleeps count as a clock thread's: time stands still when it wakes.
class BoundToClock {
public:
    explicit BoundToClock(const common::Clock& clock) noexcept { common::bind_current_thread(&clock); }
    BoundToClock(const BoundToClock&) = delete;
    BoundToClock& operator=(const BoundToClock&) = delete;
    ~BoundToClock() { common::bind_current_thread(nullptr); }
};

// request_orders() on a thread: take orders until there are none left.
void work_shift(BlockingWaiter& waiter, OrderQueue& orders) {
    while (const std::optional<Order> order = orders.take()) waiter.request_order(*order);
}

}  // namespace

ServiceReport serve_with_threads(Staff& staff, const std::vector<Order>& orders, int waiters) {
    OrderQueue queue(orders);
    const auto start = std::llround(staff.clock.now() * 10.0);
    std::vector<BlockingWaiter> staff_on_duty;
    staff_on_duty.reserve(static_cast<std::size_t>(waiters));
    for (int id = 1; id <= waiters; ++id) staff_on_duty.emplace_back(staff, id, start);

    say(staff, static_cast<double>(start) / 10.0, "Received orders");
    std::vector<common::ClockThread> threads;
    threads.reserve(staff_on_duty.size());
    {
        // The cashier starts the waiters one after another, as thread.start() does in the
        // original, and lets each one reach the queue and the kitchen before starting the next.
        // So waiter 1 takes order 0 and waiter 2 order 1 on every run, whatever the OS
        // scheduler does: the cashier is a clock thread, and time stands still while she works.
        const common::ClockHold hold(staff.clock);
        const BoundToClock bound(staff.clock);
        for (BlockingWaiter& waiter : staff_on_duty) {
            const std::size_t attempts = queue.attempts();
            threads.emplace_back(staff.clock, [&waiter, &queue] { work_shift(waiter, queue); });
            queue.wait_for_attempt(attempts);  // the waiter has its first order, or found none
            staff.clock.sleep_for(0);          // virtual time: wait until it stands at the kitchen
        }
    }
    for (common::ClockThread& thread : threads) thread.join();

    long long end = start;
    ServiceReport report{"threads", waiters, waiters, 0, 0, 0};
    for (const BlockingWaiter& waiter : staff_on_duty) {
        end = std::max(end, waiter.now_tenths());
        report.blocked += waiter.blocked();
    }
    report.end = static_cast<double>(end) / 10.0;
    report.total = static_cast<double>(end - start) / 10.0;
    announce_total(staff, report);
    return report;
}

}  // namespace restaurant
