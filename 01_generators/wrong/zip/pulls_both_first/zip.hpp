// Wrong: both sources are asked for an item before either answer is looked at.
// Solution: zip(a, b), lazily: pairs of items, one from each generator, until either one ends.
#pragma once

#include <optional>
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

template <class A, class B>
Zip<A, B> zip(A first, B second) {
    return Zip<A, B>(std::move(first), std::move(second));
}

}  // namespace exercises
