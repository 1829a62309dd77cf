// Exercise: a read with a deadline, asyncio's wait_for around readline().
//
// Python:
//     async def read_line_or_timeout(reader, seconds):
//         try:
//             return await asyncio.wait_for(reader.readline(), seconds)
//         except TimeoutError:
//             return None
//
// Returns the line (through '\n'; "" at EOF) if it comes within `seconds`, std::nullopt if
// not. A timeout loses nothing: the part of a line that came before the deadline stays in the
// reader, and the next read returns the whole line.
// Run its tests: ./course exercise read_line_or_timeout
#pragma once

#include <optional>
#include <string>

#include "aio/aio.hpp"
#include "aio/streams.hpp"
#include "common/todo.hpp"

namespace exercises {

inline aio::Coroutine<std::optional<std::string>> read_line_or_timeout(aio::StreamReader& reader, double seconds) {
    // TODO: aio::wait_for(reader.readline(), seconds); aio::TimeoutError means std::nullopt.
    (void)reader;
    (void)seconds;
    common::todo("read_line_or_timeout(reader, seconds)");
    co_return std::nullopt;
}

}  // namespace exercises
