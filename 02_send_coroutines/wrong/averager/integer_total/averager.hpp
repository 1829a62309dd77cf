// Wrong: the total is an int, so the average of 1 and 2 comes out as 1.
// Solution: an averager coroutine. Send it numbers; it yields the average of all it has seen.
#pragma once

#include <optional>

#include "send_generator.hpp"

namespace exercises {

class Averager : public coroutines::SendGenerator<double, double> {
public:
    [[nodiscard]] int count() const noexcept { return count_; }

protected:
    // The body has a single yield inside `while True`, so every resume does the same thing:
    // no "where to resume" enum is needed.
    std::optional<double> resume(std::optional<double> term) override {
        if (term) {
            total_ += static_cast<int>(*term);
            ++count_;
        }
        return count_ == 0 ? 0.0 : total_ / count_;
    }

private:
    int total_ = 0;
    int count_ = 0;
};

}  // namespace exercises
