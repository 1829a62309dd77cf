// Exercise: the bookkeeping behind Queue::task_done() and Queue::join().
//
// Python (asyncio/queues.py, trimmed):
//     self._unfinished_tasks = 0
//     self._finished = asyncio.Event(); self._finished.set()
//     def put_nowait(self, item): ...; self._unfinished_tasks += 1; self._finished.clear()
//     def task_done(self):
//         if self._unfinished_tasks <= 0: raise ValueError('task_done() called too many times')
//         self._unfinished_tasks -= 1
//         if self._unfinished_tasks == 0: self._finished.set()
//     async def join(self):
//         if self._unfinished_tasks > 0: await self._finished.wait()
//
// add() counts a new piece of work, task_done() one finished; co_await join() returns once
// every piece added has been done (at once if none is outstanding).
// Run its tests: ./course exercise work_counter
#pragma once

#include <cstddef>
#include <stdexcept>

#include "aio/aio.hpp"
#include "aio/event.hpp"
#include "common/todo.hpp"

namespace exercises {

class WorkCounter {
public:
    // TODO: one more piece of work is outstanding.
    void add() { common::todo("WorkCounter::add()"); }
    // TODO: one piece is done. More task_done()s than add()s: throw std::logic_error.
    void task_done() { common::todo("WorkCounter::task_done()"); }
    // TODO: wait until nothing is outstanding.
    aio::Coroutine<void> join() {
        common::todo("WorkCounter::join()");
        co_return;
    }
    [[nodiscard]] std::size_t outstanding() const { common::todo("WorkCounter::outstanding()"); }

private:
    // TODO: a count, and an aio::Event that is set while the count is 0.
};

}  // namespace exercises
