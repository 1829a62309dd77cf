// Wrong: count steps before a row is yielded, not when the loop resumes past it.
// Solution: a generator with three yield points, written as a state machine.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace exercises {

class Report {
public:
    using value_type = std::string;

    Report(std::string title, std::vector<std::string> rows) : title_(std::move(title)), rows_(std::move(rows)) {}

    std::optional<std::string> next() {
        switch (resume_at_) {
            case ResumeAt::start:
                resume_at_ = ResumeAt::after_title;
                return title_;
            case ResumeAt::after_title:
                count_ = 0;
                break;
            case ResumeAt::after_row:
                break;
            case ResumeAt::after_count:
                resume_at_ = ResumeAt::finished;
                return std::nullopt;
            case ResumeAt::finished:
                return std::nullopt;
        }
        // Here the body is at the top of the for loop: another row, or the line after the loop.
        if (count_ < rows_.size()) {
            resume_at_ = ResumeAt::after_row;
            return "- " + rows_[count_++];
        }
        resume_at_ = ResumeAt::after_count;
        return "(" + std::to_string(count_) + " rows)";
    }

    [[nodiscard]] std::size_t count() const { return count_; }

private:
    // One value per yield, plus the two ends: the compiler's suspend point index.
    enum class ResumeAt { start, after_title, after_row, after_count, finished };

    std::string title_;
    std::vector<std::string> rows_;
    std::size_t count_ = 0;  // the body's local `count`, which is also where the loop is in rows
    ResumeAt resume_at_ = ResumeAt::start;
};

}  // namespace exercises
