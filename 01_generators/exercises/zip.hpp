// Exercise: zip(a, b), lazily: pairs of items, one from each generator, until either one ends.
//
// Python's built-in zip, written as a generator:
//     def zip(a, b):
//         while True:
//             x = next(a, None)      # always a first
//             if x is None: return
//             y = next(b, None)      # then b, and only if a gave an item
//             if y is None: return
//             yield (x, y)
//
// Zipping a generator of 1, 2, 3 with one of "x", "y" gives {1, "x"}, {2, "y"}, then nullopt.
// Keep it lazy: a Zip pulls nothing when it is made, and one item from each source per next().
// Run its tests: ./course exercise zip
#pragma once

#include <optional>
#include <utility>

#include "common/todo.hpp"

namespace exercises {

template <class A, class B>
class Zip {
public:
    using value_type = std::pair<typename A::value_type, typename B::value_type>;

    Zip(A first, B second) : first_(std::move(first)), second_(std::move(second)) {}

    std::optional<value_type> next() {
        // TODO: pull one item from first_, then one from second_; std::nullopt as soon as either ends.
        common::todo("Zip::next()");
    }

private:
    A first_;
    B second_;
};

template <class A, class B>
Zip<A, B> zip(A first, B second) {
    return Zip<A, B>(std::move(first), std::move(second));
}

}  // namespace exercises
