// Exercise: a countdown generator, written by hand as a state machine.
//
// Python:
//     def countdown(n):
//         while n > 0:
//             yield n
//             n -= 1
//
// Countdown(3).next() gives 3, then 2, then 1, then std::nullopt for ever after.
// Keep it lazy: compute each value inside next(), never build a list up front.
// Run its tests: ./course exercise countdown
#pragma once

#include <optional>

#include "common/todo.hpp"

namespace exercises {

class Countdown {
public:
    explicit Countdown(int from) : n_(from) {}

    std::optional<int> next() {
        // TODO: return the current value and step down; std::nullopt once it reaches 0.
        common::todo("Countdown::next()");
    }

private:
    // The frame: the only local the generator needs. [[maybe_unused]] only keeps the compiler
    // quiet until your next() uses it; you may delete it then.
    [[maybe_unused]] int n_;
};

}  // namespace exercises
