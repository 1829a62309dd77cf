// Exercise: a pipeline stage that numbers the lines passing through it, like Grep in grep.hpp.
//
// Python:
//     def number_lines(target):
//         n = 0
//         try:
//             while True:
//                 line = yield
//                 n += 1
//                 target.send(f"{n}: {line}")
//         finally:
//             target.close()
//
// Sent "alpha" then "beta", it passes "1: alpha" then "2: beta" on to its target.
// Run its tests: ./course exercise number_lines
#pragma once

#include <optional>
#include <string>

#include "common/todo.hpp"
#include "pipeline.hpp"

namespace exercises {

class NumberLines : public coroutines::LineSink {
public:
    explicit NumberLines(coroutines::LineSink& target) : target_(&target) {}

protected:
    // `line` is nullopt when priming: then there is nothing to pass on yet.
    std::optional<coroutines::Nothing> resume([[maybe_unused]] std::optional<std::string> line) override {
        // TODO: number the line and send it to the target; then pause at the yield again.
        common::todo("NumberLines::resume()");
    }

    void on_close() override {
        // TODO: the `finally:` of the Python body.
        common::todo("NumberLines::on_close()");
    }

private:
    [[maybe_unused]] coroutines::LineSink* target_;
};

}  // namespace exercises
