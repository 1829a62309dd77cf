// What an exercise stub calls where the learner's code goes: the test then fails with a
// message that says which exercise and where the hints are, instead of a wrong value.
#pragma once

#include <stdexcept>
#include <string>

namespace common {

struct NotImplemented : std::logic_error {
    using std::logic_error::logic_error;
};

[[noreturn]] inline void todo(const std::string& what) {
    throw NotImplemented("TODO: " + what + " is not written yet (exercises/HINTS.md has hints)");
}

}  // namespace common
