// Wrong: the state is a static, so every countdown shares one frame.
// Solution: a countdown generator, written by hand as a state machine.
#pragma once

#include <optional>

namespace exercises {

class Countdown {
public:
    explicit Countdown(int from) { n_ = from; }

    // The whole state is n_: "while n > 0: yield n; n -= 1" resumes with n already stepped.
    std::optional<int> next() {
        if (n_ <= 0) return std::nullopt;
        return n_--;
    }

private:
    static inline int n_ = 0;
};

}  // namespace exercises
