// The restaurant's menu and the day's four orders, shared by every version of the story.
// Preparation times are in tenths of a second, so sums of them are exact.
#pragma once

#include <string>
#include <vector>

namespace restaurant {

struct Product {
    std::string name;
    int tenths;  // preparation time, 7.5 s is 75
    [[nodiscard]] double seconds() const { return tenths / 10.0; }
};

struct Order {
    int id;
    std::vector<Product> products;
};

// The originals' PREPARATION_TIME.
inline const Product burger{"burger", 75};
inline const Product frites{"frites", 40};
inline const Product soda{"soda", 10};
inline const Product beer{"beer", 12};

// The originals' four orders, numbered from 0 as they are.
inline std::vector<Order> todays_orders() {
    return {
        {0, {burger, soda}},
        {1, {burger, burger, beer, frites}},
        {2, {beer, beer, beer}},
        {3, {burger, frites}},
    };
}

// What the kitchen works on an order when its products are made one after another.
inline int order_tenths(const Order& order) {
    int sum = 0;
    for (const Product& product : order.products) sum += product.tenths;
    return sum;
}

// The kitchen's work for a whole day, in tenths: the same whoever waits on it.
inline int kitchen_tenths(const std::vector<Order>& orders) {
    int sum = 0;
    for (const Order& order : orders) sum += order_tenths(order);
    return sum;
}

}  // namespace restaurant
