// Wrong: next() does not clear the last value, so the end repeats the last one.
// Solution: a generator built on a greenlet, whose body can yield from any depth of calls.
#pragma once

#include <functional>
#include <optional>
#include <utility>

#include "greenlet.hpp"

namespace exercises {

class GreenletGenerator {
public:
    using Yield = std::function<void(int)>;
    using Body = std::function<void(const Yield&)>;

    explicit GreenletGenerator(Body body)
        : greenlet_([this, body = std::move(body)] {
              // The yield function parks the whole call chain of the body on the greenlet's
              // stack, however deep it is, and goes back into next().
              const Yield yield = [this](int value) {
                  value_ = value;
                  switch_to_caller();
              };
              body(yield);
          }) {}

    std::optional<int> next() {
        if (greenlet_.finished()) return std::nullopt;
        caller_ = greenlet::Greenlet::current();
        greenlet_.switch_to();  // comes back from yield (a value) or from the body's end (none)
        return value_;
    }

private:
    void switch_to_caller() {
        if (caller_ != nullptr) {
            caller_->switch_to();
        } else {
            greenlet::Greenlet::switch_to_main();
        }
    }

    std::optional<int> value_;
    greenlet::Greenlet* caller_ = nullptr;
    greenlet::Greenlet greenlet_;  // last: its body uses the members above
};

}  // namespace exercises
