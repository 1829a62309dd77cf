// filter(pred, gen): the items of gen for which pred is true, still one at a time; Python's
// built-in filter(). Used by the section "pipeline".
#pragma once

#include <concepts>
#include <optional>
#include <utility>

#include "generator.hpp"

namespace generators {

template <Generator G, std::predicate<const typename G::value_type&> Predicate>
class Filter {
public:
    using value_type = typename G::value_type;

    Filter(Predicate predicate, G source) : predicate_(std::move(predicate)), source_(std::move(source)) {}

    // Pulls from the source until an item passes: one next() here may cost several there.
    std::optional<value_type> next() {
        while (std::optional<value_type> item = source_.next()) {
            if (predicate_(*item)) return item;
        }
        return std::nullopt;
    }

private:
    Predicate predicate_;
    G source_;
};

// The source is handed over (std::move(gen)) or lent (borrow(gen)), never copied: borrow.hpp.
template <Generator G, std::predicate<const typename G::value_type&> Predicate>
Filter<G, Predicate> filter(Predicate predicate, G&& source) {
    return Filter<G, Predicate>(std::move(predicate), std::move(source));
}
template <Generator G, class Predicate>
void filter(Predicate predicate, G& source) = delete;  // a copy would fork gen: std::move(gen) or borrow(gen)

}  // namespace generators
