// Wrong: both sources are asked for an item before either answer is looked at.
// Solution: zip(a, b), lazily: pairs of items, one from each generator, until either one ends.
#pragma once

#include <optional>
#include <type_traits>
#include <utility>

namespace exercises {

template <class A, class B>
class Zip {
public:
    using value_type = std::pair<typename A::value_type, typename B::value_type>;

    Zip(A first, B second) : first_(std::move(first)), second_(std::move(second)) {}

    // Like Python's zip: when the first source ends, the second is not even asked.
    std::optional<value_type> next() {
        std::optional<typename A::value_type> x = first_.next();
        std::optional<typename B::value_type> y = second_.next();
        if (!x || !y) return std::nullopt;
        return value_type(std::move(*x), std::move(*y));
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
