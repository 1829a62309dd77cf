// Wrong: notify() wakes one waiter, maybe one of the same side that cannot go on, and the other side sleeps for ever.
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
        changed_.notify();
    }

    aio::Coroutine<int> take() {
        const aio::LockGuard guard = co_await changed_.guard();
        co_await changed_.wait_for([this] { return !plates_.empty(); });
        const int plate = plates_.front();
        plates_.pop_front();
        changed_.notify();
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
