// Exercise: an averager coroutine. Send it numbers; it yields the average of all it has seen.
//
// Python (the averager of Fluent Python):
//     def averager():
//         total = 0.0
//         count = 0
//         average = 0.0
//         while True:
//             term = yield average
//             if term is not None:        # next() sends None: nothing to add
//                 total += term
//                 count += 1
//                 average = total / count
//
// Averager a; a.next() gives 0.0 (primed), a.send(10) gives 10, a.send(30) gives 20.
// The rules of send() (priming, finished) are already in SendGenerator: write only the body.
// Run its tests: ./course exercise averager
#pragma once

#include <optional>

#include "common/todo.hpp"
#include "send_generator.hpp"

namespace exercises {

class Averager : public coroutines::SendGenerator<double, double> {
public:
    // For the tests: how many terms have been averaged so far.
    [[nodiscard]] int count() const noexcept { return count_; }

protected:
    // `term` is what the paused `yield average` evaluates to: nullopt for next() and priming.
    std::optional<double> resume([[maybe_unused]] std::optional<double> term) override {
        // TODO: add the term, if there is one, to the frame; then yield the average so far.
        common::todo("Averager::resume()");
    }

private:
    // The frame: the body's locals that live across the yield.
    [[maybe_unused]] double total_ = 0.0;
    int count_ = 0;
};

}  // namespace exercises
