// The three orders a queue can hand its items out in, as asyncio's Queue, LifoQueue and
// PriorityQueue override _put and _get: first in first out, last in first out, smallest first.
#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

#include "aio/ring_buffer.hpp"

namespace aio::detail {

template <class T>
class FirstInFirstOut {
public:
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    void put(T item) { items_.push_back(std::move(item)); }
    T get() { return items_.pop_front(); }

private:
    RingBuffer<T> items_;
};

template <class T>
class LastInFirstOut {
public:
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    void put(T item) { items_.push_back(std::move(item)); }
    T get() {
        T item = std::move(items_.back());
        items_.pop_back();
        return item;
    }

private:
    std::vector<T> items_;  // keeps its capacity: no allocation once it has grown
};

// A binary heap, as Python's heapq: get() returns the smallest item by `Less`.
template <class T, class Less>
class SmallestFirst {
public:
    [[nodiscard]] std::size_t size() const noexcept { return items_.size(); }
    void put(T item) {
        items_.push_back(std::move(item));
        std::push_heap(items_.begin(), items_.end(), greater());
    }
    T get() {
        std::pop_heap(items_.begin(), items_.end(), greater());
        T item = std::move(items_.back());
        items_.pop_back();
        return item;
    }

private:
    // std::push_heap builds a max-heap; with the comparison reversed, the top is the smallest.
    [[nodiscard]] auto greater() const {
        return [this](const T& a, const T& b) { return less_(b, a); };
    }

    std::vector<T> items_;
    Less less_;
};

}  // namespace aio::detail
