// The originals' sync.py: two waiters, but the cashier calls them one after the other, and the
// first one only comes back when every order is served. Section sync.
#pragma once

#include <vector>

#include "menu.hpp"
#include "staff.hpp"

namespace restaurant {

ServiceReport serve_in_turn(Staff& staff, const std::vector<Order>& orders, int waiters = 2);

}  // namespace restaurant
