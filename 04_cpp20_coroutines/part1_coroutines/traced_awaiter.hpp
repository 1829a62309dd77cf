// An awaiter that logs each call the compiler makes on it (await_ready, await_suspend,
// await_resume), and the log they go to. Used by the section "anatomy".
#pragma once

#include <coroutine>
#include <optional>
#include <string>
#include <string_view>

#include "common/log.hpp"

namespace traced {

// Sends trace lines to `log` while it lives. The frame's operator delete receives only the
// frame, so the log cannot travel as a parameter: it waits here instead.
class TraceTo {
public:
    explicit TraceTo(common::Log& log) noexcept;
    ~TraceTo();
    TraceTo(const TraceTo&) = delete;
    TraceTo& operator=(const TraceTo&) = delete;

private:
    common::Log* previous_;
};

// One line to the installed log, if any.
void trace(std::string_view line) noexcept;

// What co_await does with this awaiter, decided by the awaiter, never by the coroutine.
enum class Decision {
    ready,           // await_ready() -> true: no suspension at all
    resume_at_once,  // await_suspend() -> false: the coroutine is suspended, then resumed at once
    suspend,         // await_suspend() returns void: control goes back to whoever resumed it
};

// A constructor, not braces: g++ 12 can release a braced aggregate awaiter's members twice
// (COMPILERS.md).
class TracedAwaiter {
public:
    TracedAwaiter(std::string name, Decision decision, std::optional<int> result = std::nullopt);

    bool await_ready() const noexcept;
    bool await_suspend(std::coroutine_handle<> coroutine) const noexcept;
    int await_resume() const noexcept;

private:
    std::string name_;
    Decision decision_;
    std::optional<int> result_;  // what the co_await expression is worth; none for initial/final
};

}  // namespace traced
