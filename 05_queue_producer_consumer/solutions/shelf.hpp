// Solution: a bounded shelf on one Condition (see exercises/shelf.hpp).
#pragma once

#include <cstddef>
#include <deque>

#include "aio/aio.hpp"
#include "aio/condition.hpp"

namespace exercises {

class Shelf {
public:
    explicit Shelf(std::size_t capacity) : capacity_(capacity) {}

    aio::Coroutine<void> put(int plate) {
        const aio::LockGuard guard = co_await changed_.guard();
        co_await changed_.wait_for([this] { return plates_.size() < capacity_; });
        plates_.push_back(plate);
        // Cooks and waiters wait on the same condition: wake them all, each checks its own test.
        changed_.notify_all();
    }

    aio::Coroutine<int> take() {
        const aio::LockGuard guard = co_await changed_.guard();
        co_await changed_.wait_for([this] { return !plates_.empty(); });
        const int plate = plates_.front();
        plates_.pop_front();
        changed_.notify_all();
        co_return plate;
    }

    [[nodiscard]] std::size_t size() const noexcept { return plates_.size(); }
    [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }

private:
    std::size_t capacity_;
    std::deque<int> plates_;
    aio::Condition changed_;
};

}  // namespace exercises
