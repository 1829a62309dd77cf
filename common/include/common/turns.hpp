// Who has control, turn by turn, in a story that takes no time at all: a generator and its
// caller, the stages of a pipeline, the tasks of a round-robin. Each turn is one unit wide on
// the timeline, so control passing from lane to lane draws a staircase. Chapters 01 and 02.
#pragma once

#include <string_view>

#include "common/timeline.hpp"

namespace common {

class Turns {
public:
    explicit Turns(Timeline& timeline) : timeline_(timeline) { timeline_.count_in("turn"); }

    // `lane` has control for the next turn, doing `label`.
    void run(std::string_view lane, std::string_view label) {
        timeline_.span(lane, label, turn_, turn_ + 1.0);
        turn_ += 1.0;
    }

private:
    Timeline& timeline_;
    double turn_ = 0.0;
};

}  // namespace common
