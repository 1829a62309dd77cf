// The originals' threads.py: one thread per waiter, all taking orders from one shared queue.
// Section threads.
#pragma once

#include <vector>

#include "menu.hpp"
#include "staff.hpp"

namespace restaurant {

ServiceReport serve_with_threads(Staff& staff, const std::vector<Order>& orders, int waiters = 2);

}  // namespace restaurant
