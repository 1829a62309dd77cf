// The yardstick of 05_bench: the leanest loop that can run one producer and one consumer over a
// bounded queue. Coroutines with no result, no cancellation, no timers, no error handling, one
// waiting slot per side, a ready ring of handles. Everything aio::Queue does on top of this
// (FIFO lines of any length, wake-up ids, cancellation, task_done/join) is what the comparison
// prices.
#pragma once

#include <coroutine>
#include <cstddef>
#include <exception>
#include <utility>
#include <vector>

namespace lean {

class Loop {
public:
    Loop() : ready_(64) {}
    void schedule(std::coroutine_handle<> handle) {
        ready_[(first_ + size_++) & (ready_.size() - 1)] = handle;  // at most two tasks: no overflow
    }
    void run() {
        while (size_ > 0) {
            const std::coroutine_handle<> next = ready_[first_];
            first_ = (first_ + 1) & (ready_.size() - 1);
            --size_;
            next.resume();
        }
    }

private:
    std::vector<std::coroutine_handle<>> ready_;
    std::size_t first_ = 0;
    std::size_t size_ = 0;
};

// A coroutine that the loop starts (schedule(task.handle)), and that destroys itself at its end.
struct Task {
    struct promise_type;
    std::coroutine_handle<promise_type> handle;
    struct promise_type {
        Task get_return_object() noexcept { return Task{std::coroutine_handle<promise_type>::from_promise(*this)}; }
        std::suspend_always initial_suspend() noexcept { return {}; }
        std::suspend_never final_suspend() noexcept { return {}; }
        void return_void() noexcept {}
        void unhandled_exception() noexcept { std::terminate(); }
    };
};

template <class T>
class BoundedQueue {
public:
    BoundedQueue(Loop& loop, std::size_t capacity) : loop_(loop), items_(capacity) {}

    // One producer and one consumer: whoever is woken finds what it waited for.
    struct Put {
        BoundedQueue& queue;
        T item;
        bool waited = false;
        bool await_ready() {
            if (queue.size_ == queue.items_.size()) return false;
            queue.push(item);
            return true;
        }
        void await_suspend(std::coroutine_handle<> handle) {
            waited = true;
            queue.putter_ = handle;
        }
        void await_resume() {
            if (waited) queue.push(item);  // woken by a get(): there is room now
        }
    };
    struct Get {
        BoundedQueue& queue;
        bool await_ready() const noexcept { return queue.size_ > 0; }
        void await_suspend(std::coroutine_handle<> handle) { queue.getter_ = handle; }
        T await_resume() { return queue.pop(); }
    };
    Put put(T item) { return Put{*this, item}; }
    Get get() { return Get{*this}; }

private:
    void push(T item) {
        std::size_t slot = first_ + size_++;
        if (slot >= items_.size()) slot -= items_.size();  // cheaper than %
        items_[slot] = item;
        if (getter_) loop_.schedule(std::exchange(getter_, nullptr));
    }
    T pop() {
        T item = items_[first_];
        if (++first_ == items_.size()) first_ = 0;
        --size_;
        if (putter_) loop_.schedule(std::exchange(putter_, nullptr));  // it pushes when it resumes
        return item;
    }

    Loop& loop_;
    std::vector<T> items_;
    std::size_t first_ = 0;
    std::size_t size_ = 0;
    std::coroutine_handle<> getter_;
    std::coroutine_handle<> putter_;
};

}  // namespace lean
