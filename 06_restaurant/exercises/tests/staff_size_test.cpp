#include "course_test.hpp"

#include <vector>

#include "menu.hpp"
#include "staff_size.hpp"

TEST_CASE("today's orders: 1 waiter for 43.8 s, 2 for 23.6 s, 3 for 20.2 s, and none can do 20 s") {
    const std::vector<restaurant::Order> orders = restaurant::todays_orders();
    CHECK(exercises::waiters_needed(orders, 60.0) == 1);
    CHECK(exercises::waiters_needed(orders, 43.8) == 1);
    CHECK(exercises::waiters_needed(orders, 43.7) == 2);
    CHECK(exercises::waiters_needed(orders, 23.6) == 2);
    CHECK(exercises::waiters_needed(orders, 23.5) == 3);
    CHECK(exercises::waiters_needed(orders, 20.2) == 3);
    CHECK(exercises::waiters_needed(orders, 20.0) == 0);  // order 1 alone takes 20.2 s
}

TEST_CASE("eight one-soda orders: 8 s with one waiter, 1 s needs eight, 2 s needs four") {
    std::vector<restaurant::Order> orders;
    for (int id = 0; id < 8; ++id) orders.push_back({id, {restaurant::soda}});
    CHECK(exercises::waiters_needed(orders, 8.0) == 1);
    CHECK(exercises::waiters_needed(orders, 2.0) == 4);
    CHECK(exercises::waiters_needed(orders, 1.0) == 8);
    CHECK(exercises::waiters_needed(orders, 0.5) == 0);
}
