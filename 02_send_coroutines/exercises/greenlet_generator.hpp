// Exercise: a generator built on a greenlet, whose body can yield from ANY depth of calls,
// which a hand-written generator cannot do: its frame is one object, not a stack.
//
// Python, with the greenlet package:
//     class GreenletGenerator:
//         def __init__(self, body):
//             self.greenlet = greenlet(lambda: body(self.yield_))
//         def yield_(self, value):
//             self.value = value
//             self.caller.switch()            # back into next(), parked mid-body
//         def __next__(self):
//             self.value = None
//             self.caller = getcurrent()
//             self.greenlet.switch()          # runs the body to its next yield_ (or its end)
//             if self.value is None: raise StopIteration
//             return self.value
//
// GreenletGenerator gen([](const auto& yield) { yield(1); yield(2); }); gives 1, 2, then nullopt.
// Use it from the greenlet (or thread) that created it: when the body ends, control returns there.
// Run its tests: ./course exercise greenlet_generator
#pragma once

#include <functional>
#include <optional>
#include <utility>

#include "common/todo.hpp"
#include "greenlet.hpp"

namespace exercises {

class GreenletGenerator {
public:
    using Yield = std::function<void(int)>;
    using Body = std::function<void(const Yield&)>;

    explicit GreenletGenerator(Body body) : body_(std::move(body)) {}

    // Runs the body until it yields (returns the value) or ends (std::nullopt, for ever after).
    std::optional<int> next() {
        // TODO: keep a greenlet that runs body_ with a yield function; switch to it here, and
        // have yield switch back to whoever called next().
        common::todo("GreenletGenerator::next()");
    }

private:
    [[maybe_unused]] Body body_;
};

}  // namespace exercises
