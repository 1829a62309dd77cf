// aio::Queue (asyncio.Queue), and LifoQueue and PriorityQueue: producers put items, consumers get
// them; put() waits while the queue is full, get() while it is empty; task_done() and join() tell
// when every item put has been dealt with; shutdown() (Python 3.13) ends the waiting. Sections
// "asyncq", "stopping", "backpressure" and "pipeline".
//
// Like asyncio's, a woken getter is not promised the item: it is woken when one arrives, and if
// another task took it first (get() does not wait when the queue holds something), it goes back
// to the end of the line. Waiting allocates nothing; getting or putting without waiting costs a
// few instructions.
#pragma once

#include <concepts>
#include <coroutine>
#include <cstddef>
#include <functional>
#include <optional>
#include <stdexcept>
#include <utility>

#include "aio/event.hpp"
#include "aio/promise_base.hpp"
#include "aio/queue_errors.hpp"
#include "aio/queue_order.hpp"
#include "aio/wait_loop.hpp"
#include "aio/waiting_line.hpp"

namespace aio {

template <class T, class Order>
class BasicQueue {
public:
    // maxsize <= 0: no bound (asyncio's default).
    explicit BasicQueue(int maxsize = 0) : maxsize_(maxsize) { all_done_.set(); }
    BasicQueue(const BasicQueue&) = delete;
    BasicQueue& operator=(const BasicQueue&) = delete;

    [[nodiscard]] std::size_t qsize() const noexcept { return items_.size(); }
    [[nodiscard]] bool empty() const noexcept { return items_.size() == 0; }
    [[nodiscard]] bool full() const noexcept {
        return maxsize_ > 0 && items_.size() >= static_cast<std::size_t>(maxsize_);
    }
    [[nodiscard]] int maxsize() const noexcept { return maxsize_; }
    [[nodiscard]] bool is_shutdown() const noexcept { return shutdown_; }

    // Puts the item, or throws QueueFull (QueueShutDown after shutdown()). Wakes one getter.
    void put_nowait(T item) {
        if (shutdown_) throw QueueShutDown{};
        if (full()) throw QueueFull{};
        items_.put(std::move(item));
        ++unfinished_;
        all_done_.clear();
        getters_.wake_first();
    }
    // Takes an item, or throws QueueEmpty (QueueShutDown once shut down and empty). Wakes one putter.
    T get_nowait() {
        if (empty()) {
            if (shutdown_) throw QueueShutDown{};
            throw QueueEmpty{};
        }
        T item = items_.get();
        putters_.wake_first();
        return item;
    }

    class PutAwaiter;
    class GetAwaiter;
    // co_await queue.put(item): waits while the queue is full, then puts.
    [[nodiscard]] PutAwaiter put(T item) { return PutAwaiter(*this, std::move(item)); }
    // co_await queue.get(): waits while the queue is empty, then takes the next item.
    [[nodiscard]] GetAwaiter get() noexcept { return GetAwaiter(*this); }

    // A consumer says it has finished with an item it got. Called more often than items were
    // put, it throws (asyncio: ValueError).
    void task_done() {
        if (unfinished_ == 0) throw std::logic_error("Queue::task_done() called too many times (asyncio: ValueError)");
        if (--unfinished_ == 0) all_done_.set();
    }
    // co_await queue.join(): returns when every item put has had its task_done().
    [[nodiscard]] Event::WaitAwaiter join() noexcept { return all_done_.wait(); }
    [[nodiscard]] std::size_t unfinished_tasks() const noexcept { return unfinished_; }

    // From now on put() throws QueueShutDown, and so does get() once the queue is empty; every
    // task waiting in put() or get() wakes up to find out. `immediate`: the items left are
    // dropped (and counted done, so join() returns). Python 3.13's Queue.shutdown.
    void shutdown(bool immediate = false) {
        shutdown_ = true;
        if (immediate) {
            while (!empty()) {
                items_.get();
                if (unfinished_ > 0) --unfinished_;
            }
            if (unfinished_ == 0) all_done_.set();
        }
        getters_.wake_all();
        putters_.wake_all();
    }

    // Tasks in line in get() and put() (those cancelled meanwhile included, until they run).
    [[nodiscard]] std::size_t waiting_getters() const noexcept { return getters_.size(); }
    [[nodiscard]] std::size_t waiting_putters() const noexcept { return putters_.size(); }

private:
    // What a getter (putter) cancelled right after its wake-up hands on, as asyncio's
    // `if not self.empty() and not getter.cancelled(): self._wakeup_next(self._getters)`.
    struct PassOnItem {
        BasicQueue* queue;
        void operator()() const noexcept {
            if (!queue->empty()) queue->getters_.wake_first();
        }
    };
    struct PassOnSlot {
        BasicQueue* queue;
        void operator()() const noexcept {
            if (!queue->full()) queue->putters_.wake_first();
        }
    };

    [[nodiscard]] bool can_get() const noexcept { return !empty() || shutdown_; }
    [[nodiscard]] bool can_put() const noexcept { return !full() || shutdown_; }

    // The slow paths (wait_loop.hpp says why they are coroutines): a woken task checks again, and
    // waits again at the back of the line if the item (the free slot) was taken meanwhile.
    detail::WaitLoop wait_to_get() {
        while (!can_get()) co_await detail::Turn<PassOnItem>(getters_, PassOnItem{this});
    }
    detail::WaitLoop wait_to_put() {
        while (!can_put()) co_await detail::Turn<PassOnSlot>(putters_, PassOnSlot{this});
    }

    Order items_;
    int maxsize_;
    std::size_t unfinished_ = 0;
    bool shutdown_ = false;
    Event all_done_;
    detail::WaitingLine getters_;
    detail::WaitingLine putters_;
};

// The fast path (an item is there) runs inside co_await without suspending; otherwise the task
// runs wait_to_get() inline, as a child coroutine, then takes the item.
template <class T, class Order>
class BasicQueue<T, Order>::GetAwaiter {
public:
    explicit GetAwaiter(BasicQueue& queue) noexcept : queue_(queue) {}
    GetAwaiter(const GetAwaiter&) = delete;
    GetAwaiter& operator=(const GetAwaiter&) = delete;
    ~GetAwaiter() = default;

    [[nodiscard]] bool await_ready() const noexcept { return queue_.can_get(); }
    template <std::derived_from<detail::PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        waiting_.emplace(queue_.wait_to_get());
        waiting_->await_suspend(frame);
    }
    T await_resume() {
        if (waiting_) waiting_->await_resume();  // CancelledError comes out here
        return queue_.get_nowait();
    }

private:
    BasicQueue& queue_;
    std::optional<detail::WaitLoop> waiting_;
};

template <class T, class Order>
class BasicQueue<T, Order>::PutAwaiter {
public:
    PutAwaiter(BasicQueue& queue, T item) : queue_(queue), item_(std::move(item)) {}
    PutAwaiter(const PutAwaiter&) = delete;
    PutAwaiter& operator=(const PutAwaiter&) = delete;
    ~PutAwaiter() = default;

    [[nodiscard]] bool await_ready() const noexcept { return queue_.can_put(); }
    template <std::derived_from<detail::PromiseBase> Promise>
    void await_suspend(std::coroutine_handle<Promise> frame) {
        waiting_.emplace(queue_.wait_to_put());
        waiting_->await_suspend(frame);
    }
    void await_resume() {
        if (waiting_) waiting_->await_resume();
        queue_.put_nowait(std::move(item_));
    }

private:
    BasicQueue& queue_;
    T item_;
    std::optional<detail::WaitLoop> waiting_;
};

// asyncio.Queue: first in, first out.
template <class T>
class Queue : public BasicQueue<T, detail::FirstInFirstOut<T>> {
public:
    using BasicQueue<T, detail::FirstInFirstOut<T>>::BasicQueue;
};

// asyncio.LifoQueue: last in, first out (a stack).
template <class T>
class LifoQueue : public BasicQueue<T, detail::LastInFirstOut<T>> {
public:
    using BasicQueue<T, detail::LastInFirstOut<T>>::BasicQueue;
};

// asyncio.PriorityQueue: the smallest item first (Python: heapq, often (priority, data) tuples).
template <class T, class Less = std::less<T>>
class PriorityQueue : public BasicQueue<T, detail::SmallestFirst<T, Less>> {
public:
    using BasicQueue<T, detail::SmallestFirst<T, Less>>::BasicQueue;
};

}  // namespace aio
