#include "hub.hpp"

#include <optional>
#include <stdexcept>
#include <utility>

namespace manual_loop {

void Hub::spawn(std::function<void()> body) {
    threads_.push_back(GreenThread{std::move(body), nullptr});
    ++unfinished_;
    ready_.push_back(threads_.size() - 1);
}

void Hub::sleep(double seconds) {
    if (running_ == none || greenlet::Greenlet::current() != threads_[running_].greenlet.get()) {
        throw std::logic_error("Hub::sleep() outside one of its green threads: call it from a spawned function");
    }
    timers_.push(clock_.now() + seconds, running_);
    // To the hub, on the main stack; the hub switches back here when the timer is due.
    greenlet::Greenlet::switch_to_main();
}

void Hub::joinall() {
    if (greenlet::Greenlet::current() != nullptr) {
        throw std::logic_error("Hub::joinall() from a green thread: the hub runs on the main stack");
    }
    while (unfinished_ > 0) {
        if (ready_.empty() && timers_.empty()) {
            throw std::logic_error("Hub::joinall(): green threads left, but none ready and none sleeping");
        }
        run_once();
    }
}

// TimerLoop::run_once() again, with switch_to() where that one calls step().
void Hub::run_once() {
    if (ready_.empty() && !timers_.empty()) {
        clock_.sleep_until(timers_.earliest());
        ++sleeps_;
    }
    const double now = clock_.now();
    while (const std::optional<std::size_t> due = timers_.pop_due(now)) ready_.push_back(*due);
    for (std::size_t count = ready_.size(); count > 0; --count) {
        const std::size_t thread = ready_.front();
        ready_.pop_front();
        run(thread);
    }
}

void Hub::run(std::size_t thread) {
    GreenThread& green = threads_[thread];
    // Made here, on the main stack, so the main stack is its parent: a finished green thread
    // returns to the hub even when another green thread spawned it.
    if (!green.greenlet) green.greenlet = std::make_unique<greenlet::Greenlet>(std::move(green.body));
    running_ = thread;
    ++switches_;
    try {
        green.greenlet->switch_to();  // runs until it sleeps (switches back to us) or returns
    } catch (...) {
        // The body threw: the greenlet has finished, and its exception goes on to joinall().
        running_ = none;
        green.greenlet.reset();
        --unfinished_;
        throw;
    }
    running_ = none;
    if (green.greenlet->finished()) {
        green.greenlet.reset();  // its stack goes back now, not when the hub dies
        --unfinished_;
    }
}

}  // namespace manual_loop
