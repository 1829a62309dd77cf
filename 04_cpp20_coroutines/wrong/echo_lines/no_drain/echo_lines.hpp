// Wrong: writes every answer without drain(), so a client that does not read makes it buffer without end.
#pragma once

#include <algorithm>
#include <cctype>
#include <string>

#include "aio/aio.hpp"
#include "aio/streams.hpp"

namespace exercises {

inline aio::Coroutine<void> echo_lines(aio::StreamReader reader, aio::StreamWriter writer) {
    while (true) {
        std::string line = co_await reader.readline();
        if (line.empty()) break;  // EOF: readline gives "" only then
        std::transform(line.begin(), line.end(), line.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        writer.write(line);
    }
    writer.close();
    co_await writer.wait_closed();
}

}  // namespace exercises
