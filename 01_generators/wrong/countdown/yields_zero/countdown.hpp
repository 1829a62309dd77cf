// Wrong: the end test is n < 0, so the countdown also yields 0.
// Solution: a countdown generator, written by hand as a state machine.
#pragma once

#include <optional>

namespace exercises {

class Countdown {
public:
    explicit Countdown(int from) : n_(from) {}

    // The whole state is n_: "while n > 0: yield n; n -= 1" resumes with n already stepped.
    std::optional<int> next() {
        if (n_ < 0) return std::nullopt;
        return n_--;
    }

private:
    int n_;
};

}  // namespace exercises
