// Wrong: the generator is advanced twice, past its first yield.
// Solution: a priming guard, Python's @coroutine decorator, so nobody forgets next().
#pragma once

#include <memory>
#include <utility>

#include "send_generator.hpp"

namespace exercises {

template <class Generator, class... Args>
std::unique_ptr<Generator> primed(Args&&... args) {
    auto generator = std::make_unique<Generator>(std::forward<Args>(args)...);
    // next() returns nullopt only when the body ended without reaching a yield.
    generator->next();
    if (!generator->next()) throw coroutines::SendError("generator finished before its first yield");
    return generator;
}

}  // namespace exercises
