// The two exceptions asyncio code meets every day: CancelledError, thrown into a task at the
// point where it waits when someone cancels it, and TimeoutError, thrown by wait_for.
// Sections "cancel", "timeout" and "propagate" use them.
#pragma once

#include <exception>

namespace aio {

// Not a std::exception, on purpose: `catch (const std::exception&)` is how C++ code says "any
// error", and a cancellation is no error. Were it one, such a handler would swallow it and the
// task would go on as if nobody had cancelled it. Python moved CancelledError out of Exception
// (to BaseException) in 3.8 for exactly this reason. Catch it by name, or with `catch (...)`.
struct CancelledError {
    [[nodiscard]] const char* what() const noexcept { return "CancelledError: the task was cancelled"; }
};

struct TimeoutError : std::exception {
    [[nodiscard]] const char* what() const noexcept override { return "TimeoutError: the deadline passed"; }
};

}  // namespace aio
