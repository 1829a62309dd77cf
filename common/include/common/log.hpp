// Timestamped log lines: "[  7.500s] <Waiter 1> [Order 0] Done burger". Every lesson section
// prints through a Log, and tests capture one to assert on the exact lines.
#pragma once

#include <cstdio>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <fmt/color.h>
#include <fmt/format.h>

#include "common/clock.hpp"

namespace common {

using Style = fmt::text_style;

// A distinct colour for actor number `index` (task 0, task 1, ...), cycling through six.
Style actor_style(std::size_t index);

class Log {
public:
    enum class Colour { automatic, always, never };

    // Colour is on only for a terminal, and never when NO_COLOR is set (no-color.org).
    explicit Log(const Clock& clock, std::FILE* out = stdout, Colour colour = Colour::automatic);

    // Keeps lines in memory instead of printing them, without colour: what tests assert on.
    static Log capturing(const Clock& clock) { return Log(clock, nullptr, Colour::never); }

    Log(Log&& other) noexcept;
    Log& operator=(Log&&) = delete;

    template <class... Args>
    void print(fmt::format_string<Args...> format, Args&&... args) {
        write({}, fmt::format(format, std::forward<Args>(args)...), true);
    }
    template <class... Args>
    void print(Style style, fmt::format_string<Args...> format, Args&&... args) {
        write(style, fmt::format(format, std::forward<Args>(args)...), true);
    }
    // A line without the timestamp: headings, tables, results.
    template <class... Args>
    void plain(fmt::format_string<Args...> format, Args&&... args) {
        write({}, fmt::format(format, std::forward<Args>(args)...), false);
    }

    [[nodiscard]] const Clock& clock() const noexcept { return *clock_; }
    [[nodiscard]] bool coloured() const noexcept { return colour_; }
    // The captured lines (timestamps included), oldest first.
    [[nodiscard]] std::vector<std::string> lines() const;
    // The captured lines, and forgets them.
    std::vector<std::string> take_lines();

private:
    void write(Style style, std::string text, bool stamped);

    const Clock* clock_;
    std::FILE* out_;
    bool colour_;
    mutable std::mutex mutex_;  // 06's threads log concurrently; a line is never torn
    std::vector<std::string> captured_;
};

// "[  7.500s] " for 7.5 s of story time.
std::string timestamp(double seconds);

}  // namespace common
