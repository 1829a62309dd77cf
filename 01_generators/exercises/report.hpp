// Exercise: a generator with three yield points, written as a state machine like CountUpTo in
// counter.hpp: a "where to resume" enum and the locals as members.
//
// Python:
//     def report(title, rows):
//         yield title
//         count = 0
//         for row in rows:
//             yield "- " + row
//             count += 1
//         yield f"({count} rows)"
//
// Report("Menu", {"tea", "cake"}) gives "Menu", "- tea", "- cake", "(2 rows)", then std::nullopt.
// Keep it lazy: build each line inside next(); never make all the lines up front.
// Run its tests: ./course exercise report
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/todo.hpp"

namespace exercises {

class Report {
public:
    using value_type = std::string;

    Report(std::string title, std::vector<std::string> rows) : title_(std::move(title)), rows_(std::move(rows)) {}

    std::optional<std::string> next() {
        // TODO: resume where the last call stopped; give the title, each row, the count, then std::nullopt.
        common::todo("Report::next()");
    }

    // TODO: the frame: a "where to resume" enum, and the locals the body keeps between yields.

    // For the tests: how many rows have been handed out so far (the body's `count`).
    [[nodiscard]] std::size_t count() const { common::todo("Report::count()"); }

private:
    // [[maybe_unused]] only keeps the compiler quiet until your next() uses them.
    [[maybe_unused]] std::string title_;
    [[maybe_unused]] std::vector<std::string> rows_;
};

}  // namespace exercises
