// The originals' Waiter with a blocking time.sleep(): it stands at the kitchen until each
// product is ready. Sections sync and threads; the threads version runs one per thread.
#pragma once

#include "menu.hpp"
#include "staff.hpp"

namespace restaurant {

class BlockingWaiter {
public:
    // Starts work at story time `start_tenths` (tenths of a second).
    BlockingWaiter(Staff& staff, int id, long long start_tenths) : staff_(staff), id_(id), now_(start_tenths) {}

    // request_order(): every product in turn, then dispatch.
    void request_order(const Order& order);

    [[nodiscard]] int id() const noexcept { return id_; }
    // The waiter's story time: when his last wait ended. Kept in tenths, so a day of waits sums
    // to exactly 23.6 s (not 23.599999999999998 s), and read from deadlines, not from the clock,
    // so it is the same at any --speed.
    [[nodiscard]] double now() const noexcept { return static_cast<double>(now_) / 10.0; }
    [[nodiscard]] long long now_tenths() const noexcept { return now_; }
    // Time this waiter stood at the kitchen, unable to do anything else.
    [[nodiscard]] double blocked() const noexcept { return static_cast<double>(blocked_) / 10.0; }

private:
    void request_product(const Order& order, const Product& product);

    Staff& staff_;
    int id_;
    long long now_;
    long long blocked_ = 0;
};

}  // namespace restaurant
