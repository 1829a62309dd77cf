// Exercise: the lines of a text stream (a file, a socket, a string), one per next(), reading
// only as far as the line it returns; never the whole stream at once.
//
// Python:
//     def lines(file):
//         for line in file:            # a file object reads as you go
//             yield line.rstrip("\n")
//
// For the text "alpha\nbeta\n", next() gives "alpha", then "beta", then std::nullopt.
// A last line without a final '\n' is still a line; an empty line between two is "".
// Run its tests: ./course exercise lines
#pragma once

#include <istream>
#include <optional>
#include <string>

#include "common/todo.hpp"

namespace exercises {

class Lines {
public:
    using value_type = std::string;

    // Reads nothing yet: like opening a file, which loads none of it.
    explicit Lines(std::istream& in) : in_(&in) {}

    std::optional<std::string> next() {
        // TODO: read one line from *in_ (without its '\n') and return it; std::nullopt at the end.
        common::todo("Lines::next()");
    }

private:
    // Not owned: whoever opened the stream keeps it open while you read. [[maybe_unused]] only
    // keeps the compiler quiet until your next() uses it.
    [[maybe_unused]] std::istream* in_;
};

}  // namespace exercises
