// mycoro(): a coroutine that adds up whatever number it is sent and yields the total so far.
// Python's total turns from int to float when a float arrives; C++ picks the type up front, so
// the total is a double from the start. Used by the section "mycoro".
#pragma once

#include <optional>

#include "send_generator.hpp"

namespace coroutines {

// Python:
//     def mycoro():
//         total = 0
//         while True:
//             received = yield total
//             total += received or 0   # next() sends None: adds nothing
class MyCoro : public SendGenerator<double, double> {
protected:
    std::optional<double> resume(std::optional<double> sent) override {
        // The first run (priming) receives nothing; every later one adds what arrived.
        total_ += sent.value_or(0.0);
        return total_;
    }

private:
    double total_ = 0.0;
};

}  // namespace coroutines
