#include "common/log.hpp"

#include <array>
#include <cstdlib>
#include <unistd.h>

namespace common {

Style actor_style(std::size_t index) {
    static constexpr std::array colours{
        fmt::terminal_color::cyan,         fmt::terminal_color::yellow,      fmt::terminal_color::magenta,
        fmt::terminal_color::bright_green, fmt::terminal_color::bright_blue, fmt::terminal_color::bright_red,
    };
    return fmt::fg(colours[index % colours.size()]);
}

std::string timestamp(double seconds) { return fmt::format("[{:7.3f}s] ", seconds); }

namespace {
bool wants_colour(std::FILE* out, Log::Colour colour) {
    if (out == nullptr || colour == Log::Colour::never) return false;
    if (colour == Log::Colour::always) return true;
    const char* no_colour = std::getenv("NO_COLOR");
    if (no_colour != nullptr && *no_colour != '\0') return false;
    return isatty(fileno(out)) != 0;
}
}  // namespace

Log::Log(const Clock& clock, std::FILE* out, Colour colour)
    : clock_(&clock), out_(out), colour_(wants_colour(out, colour)) {}

Log::Log(Log&& other) noexcept
    : clock_(other.clock_), out_(other.out_), colour_(other.colour_), captured_(std::move(other.captured_)) {}

void Log::write(Style style, std::string text, bool stamped) {
    std::string line = stamped ? timestamp(clock_->now()) : std::string{};
    const std::lock_guard guard(mutex_);
    if (out_ == nullptr) {
        captured_.push_back(line + text);
        return;
    }
    if (colour_ && (style.has_foreground() || style.has_background() || style.has_emphasis())) {
        line += fmt::format(style, "{}", text);
    } else {
        line += text;
    }
    line += '\n';
    std::fwrite(line.data(), 1, line.size(), out_);
    std::fflush(out_);
}

std::vector<std::string> Log::lines() const {
    const std::lock_guard guard(mutex_);
    return captured_;
}

std::vector<std::string> Log::take_lines() {
    const std::lock_guard guard(mutex_);
    return std::exchange(captured_, {});
}

}  // namespace common
