// Wrong: a line that ends at the end of the stream, not at a newline, is dropped.
// Solution: the lines of a text stream, one per next(), reading only as far as the line it returns.
#pragma once

#include <istream>
#include <optional>
#include <string>

namespace exercises {

class Lines {
public:
    using value_type = std::string;

    explicit Lines(std::istream& in) : in_(&in) {}

    // std::getline stops at the '\n' and drops it; it fails only when not one character is left,
    // so a last line without '\n' still comes out, and the end is std::nullopt.
    std::optional<std::string> next() {
        std::string line;
        if (!std::getline(*in_, line) || in_->eof()) return std::nullopt;
        return line;
    }

private:
    std::istream* in_;
};

}  // namespace exercises
