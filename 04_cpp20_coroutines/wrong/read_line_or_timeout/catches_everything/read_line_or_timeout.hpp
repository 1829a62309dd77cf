// Wrong: catch (...) turns a cancellation of the reading task into a std::nullopt, as if the deadline had passed.
#pragma once

#include <optional>
#include <string>

#include "aio/aio.hpp"
#include "aio/streams.hpp"

namespace exercises {

inline aio::Coroutine<std::optional<std::string>> read_line_or_timeout(aio::StreamReader& reader, double seconds) {
    try {
        // wait_for cancels the readline at the deadline; a cancelled readline leaves what it
        // had read in the reader's buffer, as asyncio's does.
        std::string line = co_await aio::wait_for(reader.readline(), seconds);
        co_return line;
    } catch (...) {}
    co_return std::nullopt;
}

}  // namespace exercises
