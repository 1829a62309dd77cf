// The originals' Waiter with a blocking time.sleep(): it stands at the kitchen until each
// product is ready. Sections sync and threads; the threads version runs one per thread.
#pragma once

#include <optional>

#include "menu.hpp"
#include "staff.hpp"

namespace restaurant {

class BlockingWaiter {
public:
    BlockingWaiter(Staff& staff, int id) : staff_(staff), id_(id) {}

    // request_order(): every product in turn, then dispatch.
    void request_order(const Order& order);
    // Time this waiter spent with an order in hand.
    [[nodiscard]] double busy() const noexcept { return busy_; }
    [[nodiscard]] int id() const noexcept { return id_; }

private:
    void request_product(const Order& order, const Product& product);

    Staff& staff_;
    int id_;
    double busy_ = 0;
};

}  // namespace restaurant
