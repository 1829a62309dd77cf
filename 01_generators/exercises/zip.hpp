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
// zip() itself is written: like take(), it takes its sources handed over or lent, never copied.
// Run its tests: ./course exercise zip
#pragma once

#include <optional>
#include <type_traits>
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

// The sources are handed over (zip(std::move(a), std::move(b)), or temporaries) or lent
// (zip(borrow(a), borrow(b)), borrow.hpp), as for take(): a plain zip(a, b) would copy a and b,
// two silent forks, so it does not compile.
template <class A, class B>
requires(!std::is_lvalue_reference_v<A> && !std::is_lvalue_reference_v<B>) Zip<A, B> zip(A&& first, B&& second) {
    return Zip<A, B>(std::move(first), std::move(second));
}
template <class A, class B>
requires(std::is_lvalue_reference_v<A> || std::is_lvalue_reference_v<B>) void zip(A&& first, B&& second) =
    delete;  // a copy would fork a or b: std::move(a) or borrow(a)

}  // namespace exercises
