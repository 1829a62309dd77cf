// What the tests of tasks, wait, as_completed, shield and gather_settled share: a story told in lines
// stamped with the loop's virtual time and run on a loop of its own, a guard that logs its
// frame's end, and a task that is handed its own handle (to try to make it wait for itself).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "aio/aio.hpp"

namespace story {

using Lines = std::vector<std::string>;

inline void note(Lines& lines, const std::string& text) {
    lines.push_back(fmt::format("{:.1f}s {}", aio::time(), text));
}

// Records its own destruction: the frame it lives in was destroyed.
class Cleanup {
public:
    Cleanup(Lines& lines, std::string name) : lines_(lines), name_(std::move(name)) {}
    Cleanup(const Cleanup&) = delete;
    Cleanup& operator=(const Cleanup&) = delete;
    ~Cleanup() { lines_.push_back(name_ + " cleaned up"); }

private:
    Lines& lines_;
    std::string name_;
};

// Runs tell(lines) on a new loop on virtual time; returns the lines it noted.
inline Lines told(aio::Coroutine<void> (*tell)(Lines& lines)) {
    Lines lines;
    aio::run(tell(lines), {.virtual_time = true});
    return lines;
}

// Runs body(self) as a task whose `self` is that very task, and awaits it.
inline aio::Coroutine<void> with_itself(aio::Coroutine<void> (*body)(aio::Task<void>& self)) {
    aio::Task<void> self;
    self = aio::create_task(body(self));
    co_await self;
}

}  // namespace story
