// Exercise: a shelf of at most `capacity` plates between cooks and waiters, built on one
// aio::Condition (section "condition").
//
// co_await shelf.put(plate) puts a plate on the shelf, waiting while it is full;
// co_await shelf.take() takes the plate that has waited longest, waiting while it is empty.
// Any number of cooks and waiters may wait at once, on either side; none may wait for ever while
// the shelf could serve it, and no plate is lost or taken twice. size() is how many plates are
// on the shelf now. (aio::Queue with a maxsize does all this; here you build it by hand.)
// Run its tests: ./course exercise shelf
#pragma once

#include <cstddef>
#include <deque>

#include "aio/aio.hpp"
#include "aio/condition.hpp"
#include "common/todo.hpp"

namespace exercises {

class Shelf {
public:
    explicit Shelf(std::size_t capacity) : capacity_(capacity) {}

    aio::Coroutine<void> put(int plate) {
        // TODO: wait for room, put the plate, and tell whoever waits that the shelf changed.
        (void)plate;
        common::todo("Shelf::put()");
        co_return;
    }

    aio::Coroutine<int> take() {
        // TODO: wait for a plate, take the oldest, and tell whoever waits that the shelf changed.
        common::todo("Shelf::take()");
        co_return 0;
    }

    [[nodiscard]] std::size_t size() const noexcept { return plates_.size(); }
    [[nodiscard]] std::size_t capacity() const noexcept { return capacity_; }

private:
    std::size_t capacity_;
    std::deque<int> plates_;
    aio::Condition changed_;
};

}  // namespace exercises
