// A generator "task" for the round-robin: it does one step of work per next() and pauses.
// Used by the sections "round_robin" and "memory".
#pragma once

#include <optional>
#include <string>
#include <utility>

#include "common/log.hpp"
#include "send_generator.hpp"

namespace coroutines {

// What a scheduler drives: next() runs it to its next pause; it neither yields nor receives values.
using Task = SendGenerator<Nothing, Nothing>;

// Python:
//     def steps(name, count):
//         for i in range(1, count + 1):
//             print(f"{name}: step {i} of {count}")
//             yield
class Steps : public Task {
public:
    Steps(std::string name, int count, common::Log& log, common::Style style = {})
        : name_(std::move(name)), count_(count), log_(&log), style_(style) {}

protected:
    std::optional<Nothing> resume(std::optional<Nothing> /*sent*/) override {
        if (step_ == count_) return std::nullopt;  // the loop ends: StopIteration
        ++step_;
        log_->print(style_, "{}: step {} of {}", name_, step_, count_);
        return Nothing{};
    }

private:
    std::string name_;
    int count_;
    int step_ = 0;  // the frame: the loop variable survives between next() calls
    common::Log* log_;
    common::Style style_;
};

}  // namespace coroutines
