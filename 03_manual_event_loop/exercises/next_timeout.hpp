// Exercise: how long may the loop sleep before its next turn?
//
// asyncio's _run_once asks this on every turn, and so does TimerLoop::run_once(). Given
//   ready     the number of tasks in the ready queue,
//   earliest  the earliest timer's deadline (std::nullopt when no timer is set),
//   now       the clock's time,
// return how many seconds the loop may sleep:
//   - 0 when anything is ready (ready work must not wait for a timer);
//   - std::nullopt when nothing is ready and no timer is set (nothing will ever wake it up);
//   - otherwise the time until the earliest deadline, and never a negative number.
// Run its tests: ./course exercise next_timeout
#pragma once

#include <cstddef>
#include <optional>

#include "common/todo.hpp"

namespace exercises {

inline std::optional<double> next_timeout([[maybe_unused]] std::size_t ready,
                                          [[maybe_unused]] std::optional<double> earliest,
                                          [[maybe_unused]] double now) {
    // TODO: the three cases above.
    common::todo("next_timeout()");
}

}  // namespace exercises
