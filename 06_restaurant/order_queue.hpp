// The originals' queue.Queue of orders, shared by the waiter threads: take() hands each order
// to exactly one waiter. Section threads.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

#include "menu.hpp"

namespace restaurant {

class OrderQueue {
public:
    explicit OrderQueue(const std::vector<Order>& orders) : orders_(orders.begin(), orders.end()) {}

    // "if not orders.empty(): orders.get()" in one step: two waiters cannot both see the last
    // order and one of them block forever on get().
    std::optional<Order> take() {
        std::optional<Order> order;
        {
            const std::lock_guard lock(mutex_);
            ++attempts_;
            if (!orders_.empty()) {
                order = std::move(orders_.front());
                orders_.pop_front();
            }
        }
        took_.notify_all();
        return order;
    }

    // Blocks until take() has been called more than `attempts` times in all.
    void wait_for_attempt(std::size_t attempts) {
        std::unique_lock lock(mutex_);
        took_.wait(lock, [&] { return attempts_ > attempts; });
    }

    [[nodiscard]] std::size_t attempts() const {
        const std::lock_guard lock(mutex_);
        return attempts_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable took_;
    std::deque<Order> orders_;
    std::size_t attempts_ = 0;
};

}  // namespace restaurant
