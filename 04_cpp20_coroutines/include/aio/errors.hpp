// The two exceptions asyncio code meets every day: CancelledError, thrown into a task at the
// point where it waits when someone cancels it, and TimeoutError, thrown by wait_for.
// Sections "tasks" and "timeouts" use them.
#pragma once

#include <exception>

namespace aio {

struct CancelledError : std::exception {
    [[nodiscard]] const char* what() const noexcept override { return "CancelledError: the task was cancelled"; }
};

struct TimeoutError : std::exception {
    [[nodiscard]] const char* what() const noexcept override { return "TimeoutError: the deadline passed"; }
};

}  // namespace aio
