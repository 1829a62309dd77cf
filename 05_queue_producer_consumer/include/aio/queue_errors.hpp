// What a queue throws instead of waiting: asyncio.QueueEmpty, QueueFull and (Python 3.13)
// QueueShutDown. Like Python's, they are ordinary errors (std::exception), unlike CancelledError.
#pragma once

#include <exception>

namespace aio {

struct QueueEmpty : std::exception {
    [[nodiscard]] const char* what() const noexcept override { return "QueueEmpty: get_nowait() on an empty queue"; }
};

struct QueueFull : std::exception {
    [[nodiscard]] const char* what() const noexcept override { return "QueueFull: put_nowait() on a full queue"; }
};

struct QueueShutDown : std::exception {
    [[nodiscard]] const char* what() const noexcept override {
        return "QueueShutDown: the queue was shut down (put, or get from an empty queue)";
    }
};

}  // namespace aio
