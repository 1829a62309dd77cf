// A pipeline of send-coroutines: a source pushes lines into a chain of stages that each
// receive a line, maybe pass something on, and pause for the next. Used by the section "pipeline".
#pragma once

#include <string>
#include <vector>

#include "send_generator.hpp"

namespace coroutines {

// A stage that receives lines: `line = (yield)` in Python. It yields nothing back.
using LineSink = SendGenerator<Nothing, std::string>;

// The source. Python:
//     def send_lines(lines, target):
//         for line in lines:
//             target.send(line)
//         target.close()
inline void send_lines(const std::vector<std::string>& lines, LineSink& target) {
    for (const std::string& line : lines) target.send(line);
    target.close();
}

}  // namespace coroutines
