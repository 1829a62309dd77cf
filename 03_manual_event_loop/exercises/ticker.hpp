// Exercise: a generator-style task that returns a value through the loop.
//
// Python:
//     def ticker(name, ticks, interval):
//         start = time.time()
//         for i in range(1, ticks + 1):
//             print(f"{name}: tick {i}")
//             deadline = time.time() + interval
//             while time.time() < deadline:
//                 yield deadline
//         print(f"{name}: done")
//         return round((time.time() - start) * 1000)   # how long it ran, in ms
//
// Write Ticker::operator()() as a state machine, the way SleepTask (sleep_task.hpp) is written:
// each call runs the body from where it stopped to its next yield (return Yield{deadline}) or
// to its return (return Return{milliseconds}). It must work on any loop: TimerLoop steps it
// only when its deadline has come, run_busy() steps it on every pass.
// Run its tests: ./course exercise ticker
#pragma once

#include <string>
#include <utility>

#include "common/log.hpp"
#include "common/todo.hpp"
#include "step.hpp"

namespace exercises {

class Ticker {
public:
    Ticker(std::string name, int ticks, double interval, const common::Clock& clock, common::Log& log)
        : name_(std::move(name)), ticks_(ticks), interval_(interval), clock_(&clock), log_(&log) {}

    // next(gen)
    manual_loop::Step operator()() {
        // TODO: resume where the body stopped (add the members your frame needs below).
        common::todo("Ticker::operator()()");
    }

private:
    std::string name_;
    int ticks_;
    double interval_;
    const common::Clock* clock_;
    common::Log* log_;
};

}  // namespace exercises
