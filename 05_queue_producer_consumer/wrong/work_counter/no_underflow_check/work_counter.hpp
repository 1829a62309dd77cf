// Wrong: task_done() without a matching add() wraps the count around instead of throwing.
// Solution: the bookkeeping behind Queue::task_done() and Queue::join().
#pragma once

#include <cstddef>
#include <stdexcept>

#include "aio/aio.hpp"
#include "aio/event.hpp"

namespace exercises {

class WorkCounter {
public:
    WorkCounter() { finished_.set(); }  // nothing outstanding yet: join() returns at once

    void add() {
        ++outstanding_;
        finished_.clear();
    }
    void task_done() {
        if (--outstanding_ == 0) finished_.set();  // wakes every join()er, through the ready queue
    }
    aio::Coroutine<void> join() {
        if (outstanding_ > 0) co_await finished_.wait();
    }
    [[nodiscard]] std::size_t outstanding() const { return outstanding_; }

private:
    std::size_t outstanding_ = 0;
    aio::Event finished_;
};

}  // namespace exercises
