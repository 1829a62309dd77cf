// A FIFO of items in one array used as a ring: Queue's storage. std::deque would allocate and
// free a block every few hundred items as the queue slides along; the ring grows (doubling)
// while the queue fills for the first time and then never allocates again, which 05_bench
// checks (allocations per item in steady state: 0).
#pragma once

#include <cstddef>
#include <memory>
#include <utility>

namespace aio::detail {

template <class T>
class RingBuffer {
public:
    RingBuffer() = default;
    RingBuffer(const RingBuffer&) = delete;
    RingBuffer& operator=(const RingBuffer&) = delete;
    ~RingBuffer() {
        while (size_ > 0) pop_front();
        if (items_ != nullptr) allocator_.deallocate(items_, capacity_);
    }

    [[nodiscard]] std::size_t size() const noexcept { return size_; }
    [[nodiscard]] bool empty() const noexcept { return size_ == 0; }

    void push_back(T item) {
        if (size_ == capacity_) grow();
        std::construct_at(items_ + ((first_ + size_) & (capacity_ - 1)), std::move(item));
        ++size_;
    }
    T pop_front() {
        T* slot = items_ + first_;
        T item = std::move(*slot);
        std::destroy_at(slot);
        first_ = (first_ + 1) & (capacity_ - 1);
        --size_;
        return item;
    }

private:
    // A power of two, so that wrapping around is a mask instead of a division.
    void grow() {
        const std::size_t capacity = capacity_ == 0 ? 16 : capacity_ * 2;
        T* items = allocator_.allocate(capacity);
        for (std::size_t i = 0; i < size_; ++i) {
            T* from = items_ + ((first_ + i) & (capacity_ - 1));
            std::construct_at(items + i, std::move(*from));
            std::destroy_at(from);
        }
        if (items_ != nullptr) allocator_.deallocate(items_, capacity_);
        items_ = items;
        capacity_ = capacity;
        first_ = 0;
    }

    std::allocator<T> allocator_;
    T* items_ = nullptr;
    std::size_t capacity_ = 0;
    std::size_t first_ = 0;
    std::size_t size_ = 0;
};

}  // namespace aio::detail
