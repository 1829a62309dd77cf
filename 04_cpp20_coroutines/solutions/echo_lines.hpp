// Solution: echo_lines, a handler for start_server that echoes each line upper-cased until EOF.
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
        co_await writer.drain();  // back-pressure: wait while the client does not read
    }
    writer.close();
    co_await writer.wait_closed();
}

}  // namespace exercises
