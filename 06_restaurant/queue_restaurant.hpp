// Section queue: the cashier puts the orders on an aio::Queue, K waiter tasks take them, and the
// kitchen has C cooks (an aio::Semaphore). Each waiter asks for all of an order's products at
// once, as in section async; the cooks decide how many are made at a time.
#pragma once

#include <vector>

#include "menu.hpp"
#include "staff.hpp"

namespace restaurant {

// cooks == 0: no limit. The report's `threads` is 1: every waiter is a task on one loop.
ServiceReport serve_from_queue(Staff& staff, const std::vector<Order>& orders, int waiters, int cooks);

}  // namespace restaurant
