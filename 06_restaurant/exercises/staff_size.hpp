// Exercise: size the staff. How many waiter threads does the threaded restaurant need to serve
// `orders` within `target` seconds?
//
// Return the fewest waiters whose day (serve_with_threads, threaded_restaurant.hpp) ends within
// `target` seconds, or 0 when no number of waiters can: find out why there is such a limit.
// Run each candidate day on a fresh common::VirtualClock: it is instant and exact.
// Run its tests: ./course exercise staff_size
#pragma once

#include <vector>

#include "common/todo.hpp"
#include "menu.hpp"
#include "threaded_restaurant.hpp"

namespace exercises {

inline int waiters_needed(const std::vector<restaurant::Order>& orders, double target) {
    // TODO: try 1 waiter, 2 waiters, ... and stop as soon as it is pointless to go on.
    (void)orders;
    (void)target;
    common::todo("waiters_needed()");
}

}  // namespace exercises
