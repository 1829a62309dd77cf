// Exercise: a read with a deadline.
//
// Returns the next line (through its '\n'; what is left at EOF, "" once nothing is) if it comes
// within `seconds`, std::nullopt if the deadline passes first. A timeout loses nothing: the part
// of a line that came before the deadline stays in the reader, and the next read returns the
// whole line. Only the deadline is a std::nullopt: a cancellation of the reading task, or an
// error of the connection, goes on to the caller as it came.
// Run its tests: ./course exercise read_line_or_timeout
#pragma once

#include <optional>
#include <string>

#include "aio/aio.hpp"
#include "aio/streams.hpp"
#include "common/todo.hpp"

namespace exercises {

inline aio::Coroutine<std::optional<std::string>> read_line_or_timeout(aio::StreamReader& reader, double seconds) {
    // TODO: your code. Part 2's section `timeout` has the tool; exercises/HINTS.md has hints.
    (void)reader;
    (void)seconds;
    common::todo("read_line_or_timeout(reader, seconds)");
    co_return std::nullopt;
}

}  // namespace exercises
