// Exercise: a priming guard, David Beazley's @coroutine decorator, so nobody forgets next().
//
// Python:
//     def coroutine(func):
//         def start(*args, **kwargs):
//             gen = func(*args, **kwargs)
//             next(gen)
//             return gen
//         return start
//
// primed<RunningTotal>(3, log) builds a RunningTotal(3, log), runs it to its first yield, and
// hands it over ready for send(). A generator that ends before its first yield could never take
// a send(): then primed() throws coroutines::SendError("generator finished before its first yield").
// Run its tests: ./course exercise primed
#pragma once

#include <memory>
#include <utility>

#include "common/todo.hpp"
#include "send_generator.hpp"

namespace exercises {

// Generators derive from SendGenerator, which cannot be copied or moved: hand it over on the heap.
template <class Generator, class... Args>
std::unique_ptr<Generator> primed([[maybe_unused]] Args&&... args) {
    // TODO: build the generator from args, prime it, check that it did reach a yield, return it.
    common::todo("primed()");
}

}  // namespace exercises
