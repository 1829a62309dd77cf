// What a generator-style task hands its loop at each step: a yield ("wake me at this deadline")
// or its return value. Used by the sections "generators", "timer_heap" and "chess_async".
#pragma once

#include <functional>
#include <variant>

namespace manual_loop {

struct Yield {
    double deadline;  // Python: yield deadline -- "there is nothing for me to do before then"
};
struct Return {
    int value;  // Python: return value, which the loop finds in StopIteration.value
};
using Step = std::variant<Yield, Return>;

// A task is anything the loop can step: next(gen) runs it to its next yield or to its return.
using Task = std::function<Step()>;

}  // namespace manual_loop
