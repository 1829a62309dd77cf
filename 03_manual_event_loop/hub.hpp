// A gevent-like hub over chapter 02's greenlets: spawn(fn) makes a green thread, sleep(s) parks
// it on a timer heap and switches to the hub, joinall() runs the hub until all have finished.
// Used by the sections "hub" and "hub_unpatched".
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <limits>
#include <memory>

#include "common/clock.hpp"
#include "greenlet.hpp"
#include "timer_heap.hpp"

namespace manual_loop {

// The same loop as TimerLoop (a ready queue plus a timer heap), but what it runs is a green
// thread with a stack of its own, not a state machine: the body is an ordinary function, and
// sleep() can be called from any depth of it. gevent's hub is itself a greenlet; this one runs
// on the thread's main stack, which is where every green thread returns when it switches away.
//
// An exception escaping a green thread comes out of joinall(). Green threads still unfinished
// when the Hub is destroyed lose their stacks without unwinding (see greenlet.hpp): their locals'
// destructors never run, so let joinall() finish them.
class Hub {
public:
    explicit Hub(common::Clock& clock) : clock_(clock) {}
    Hub(const Hub&) = delete;
    Hub& operator=(const Hub&) = delete;
    ~Hub() = default;

    // gevent.spawn(fn): the green thread starts at the hub's next turn, in spawn order.
    void spawn(std::function<void()> body);
    // gevent.sleep(seconds): from inside a green thread, parks it on the timer heap and switches
    // to the hub; returns once the deadline has passed and the hub switched back.
    void sleep(double seconds);
    // gevent.joinall(): runs the hub until every green thread has finished. From the main stack.
    void joinall();

    [[nodiscard]] std::uint64_t switches() const noexcept { return switches_; }
    [[nodiscard]] std::uint64_t sleeps() const noexcept { return sleeps_; }

private:
    struct GreenThread {
        std::function<void()> body;
        std::unique_ptr<greenlet::Greenlet> greenlet;  // made on the hub's stack, on first run
    };
    static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

    void run_once();
    void run(std::size_t thread);

    common::Clock& clock_;
    // A deque: a green thread may spawn while the hub holds a reference to its entry, and
    // push_back on a deque moves nothing.
    std::deque<GreenThread> threads_;
    std::size_t unfinished_ = 0;
    std::size_t running_ = none;     // the green thread the hub switched to
    std::deque<std::size_t> ready_;  // FIFO: green threads in the order they became ready
    TimerHeap<std::size_t> timers_;  // sleeping green threads, by deadline
    std::uint64_t switches_ = 0;
    std::uint64_t sleeps_ = 0;
};

}  // namespace manual_loop
