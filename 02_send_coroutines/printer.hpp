// The sink at the end of a pipeline: logs each line it receives, and a count when closed.
// Used by the section "pipeline" and by the exercise number_lines.
#pragma once

#include <optional>
#include <string>

#include "common/log.hpp"
#include "pipeline.hpp"

namespace coroutines {

// Python:
//     def printer():
//         count = 0
//         try:
//             while True:
//                 line = yield
//                 count += 1
//                 print(f"printer: {line}")
//         finally:
//             print(f"printer: closed after {count} lines")
class Printer : public LineSink {
public:
    explicit Printer(common::Log& log) : log_(&log) {}

    [[nodiscard]] int count() const noexcept { return count_; }

protected:
    std::optional<Nothing> resume(std::optional<std::string> line) override {
        if (line) {
            ++count_;
            log_->print("printer: {}", *line);
        }
        return Nothing{};
    }
    void on_close() override { log_->print("printer: closed after {} lines", count_); }

private:
    common::Log* log_;
    int count_ = 0;
};

}  // namespace coroutines
