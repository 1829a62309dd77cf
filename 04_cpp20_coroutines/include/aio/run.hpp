// aio::run: asyncio.run. A new loop runs `main` to its end; the tasks still unfinished are then
// cancelled and run until they stop (so their cleanup runs), and the loop is closed. Tasks
// created during that cleanup are not waited for: they are reported and destroyed with the loop.
// It cannot be nested: the loop of a run would have to turn inside one step of the outer loop,
// whose tasks would all stand still meanwhile (asyncio refuses it the same way).
#pragma once

#include <stdexcept>

#include "aio/coroutine.hpp"
#include "aio/event_loop.hpp"
#include "aio/task.hpp"

namespace aio {

namespace detail {
// Cancels what main left behind, even when main threw.
class CancelLeftovers {
public:
    explicit CancelLeftovers(EventLoop& loop) noexcept : loop_(loop) {}
    CancelLeftovers(const CancelLeftovers&) = delete;
    CancelLeftovers& operator=(const CancelLeftovers&) = delete;
    ~CancelLeftovers() {
        try {
            loop_.cancel_all_tasks();
        } catch (...) {  // a leftover that cannot finish: closing the loop destroys it
        }
    }

private:
    EventLoop& loop_;
};
}  // namespace detail

template <class T>
T run(Coroutine<T> main, RunOptions options = {}) {
    if (running_loop() != nullptr) {
        throw std::logic_error("aio::run cannot be called from a running event loop (asyncio: RuntimeError)");
    }
    EventLoop loop(options);
    const detail::CancelLeftovers cancel_leftovers(loop);
    return loop.run_until_complete(std::move(main));
}

}  // namespace aio
