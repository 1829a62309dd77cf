// Wrong: a line without '\n' is taken for EOF, so a last line the client ends with EOF instead of a newline is lost.
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
        if (line.empty() || line.back() != '\n') break;  // only whole lines count
        std::transform(line.begin(), line.end(), line.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        writer.write(line);
        co_await writer.drain();  // back-pressure: wait while the client does not read
    }
    writer.close();
    co_await writer.wait_closed();
}

}  // namespace exercises
