// The misuse that wait, as_completed and shield refuse with a clear error instead of a hang:
// a task of another event loop, and a task waiting for itself.
#pragma once

#include <stdexcept>
#include <string>

#include "aio/event_loop.hpp"
#include "aio/promise_base.hpp"

namespace aio::detail {

// `who` names the caller in the message ("wait", "shield").
inline void check_can_wait(const PromiseBase& task, const char* who) {
    if (task.loop != &get_running_loop()) {
        throw std::logic_error(std::string(who) + ": the task belongs to another event loop");
    }
    if (&task == PromiseBase::current()) {
        throw std::logic_error(std::string(who) + ": a task cannot wait for itself (it would never finish)");
    }
}

}  // namespace aio::detail
