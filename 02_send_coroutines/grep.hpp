// A filter stage: passes on only the lines that contain a pattern. Used by the section "pipeline".
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "pipeline.hpp"

namespace coroutines {

// Python:
//     def grep(pattern, target):
//         try:
//             while True:
//                 line = yield
//                 if pattern in line:
//                     target.send(line)
//         finally:
//             target.close()
class Grep : public LineSink {
public:
    Grep(std::string pattern, LineSink& target) : pattern_(std::move(pattern)), target_(&target) {}

protected:
    // Every resume is the same: handle the line (none when priming), then pause at the yield.
    std::optional<Nothing> resume(std::optional<std::string> line) override {
        if (line && line->find(pattern_) != std::string::npos) target_->send(*line);
        return Nothing{};
    }
    void on_close() override { target_->close(); }

private:
    std::string pattern_;
    LineSink* target_;
};

}  // namespace coroutines
