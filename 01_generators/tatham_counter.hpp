// count_up_to once more, with Simon Tatham's switch trick ("Coroutines in C", 2000): the case
// labels sit inside the loop, so one switch jumps straight back to where the last call returned.
// Used by the section "tatham".
#pragma once

#include <optional>

namespace generators {

// Python:
//     def count_up_to(stop):
//         i = 0
//         while i < stop:
//             yield i
//             i += 1
class TathamCountUpTo {
public:
    using value_type = int;

    // Where the body resumes is a line number, so these two must be numbers no line can have.
    static constexpr int start = 0;
    static constexpr int finished = -1;

    explicit TathamCountUpTo(int stop) : stop_(stop) {}

    std::optional<int> next() {
        // The yield is one line on purpose: both __LINE__ there give the same number, so the
        // line remembers itself as the resume point and is also the case label that jumps
        // back in. Tatham hides it in a macro, crReturn; written out, you see the whole trick.
        // i is a member because next() returns at every yield, and a local would die with it
        // (Tatham's C used static). The jump only forbids skipping a declaration that
        // initialises. clang-format would split the line: keep it off.
        // clang-format off
        switch (resume_line_) {
            case start:
                for (i_ = 0; i_ < stop_; ++i_) {
                    resume_line_ = __LINE__; return i_; case __LINE__:;
                }
        }
        // clang-format on
        resume_line_ = finished;
        return std::nullopt;
    }

    // The line the next call jumps to: start, the yield's line, or finished.
    [[nodiscard]] int resume_line() const noexcept { return resume_line_; }

private:
    int stop_;
    int i_ = 0;
    int resume_line_ = start;
};

}  // namespace generators
