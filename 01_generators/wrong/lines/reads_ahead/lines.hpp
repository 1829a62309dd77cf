// Wrong: the whole stream is read into a list of lines when the generator is made.
// Solution: the lines of a text stream, one per next(), reading only as far as the line it returns.
#pragma once

#include <istream>
#include <optional>
#include <string>
#include <vector>

namespace exercises {

class Lines {
public:
    using value_type = std::string;

    explicit Lines(std::istream& in) {
        for (std::string line; std::getline(in, line);) lines_.push_back(line);
    }

    // std::getline stops at the '\n' and drops it; it fails only when not one character is left,
    // so a last line without '\n' still comes out, and the end is std::nullopt.
    std::optional<std::string> next() {
        if (next_ == lines_.size()) return std::nullopt;
        return lines_[next_++];
    }

private:
    std::vector<std::string> lines_;
    std::size_t next_ = 0;
};

}  // namespace exercises
