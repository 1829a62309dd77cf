// borrow(gen): lends gen to an adapter instead of handing it over, so that take(borrow(gen), 3)
// shares gen as Python's itertools.islice does: afterwards gen goes on from item 4.
// The adapters take their source by rvalue (std::move(gen) hands it over) or borrowed: a plain
// take(gen, 3) is refused, because a copy would be a silent fork: the copy goes on from where
// gen stood, gen stays there, and both then hand out the same items.
// Used by the section "counter" and the adapters' tests.
#pragma once

#include <optional>

#include "generator.hpp"

namespace generators {

template <Generator G>
class Borrowed {
public:
    using value_type = typename G::value_type;

    explicit Borrowed(G& source) : source_(&source) {}

    std::optional<value_type> next() { return source_->next(); }

private:
    G* source_;  // not owned: the lent generator must outlive whatever borrows it
};

// Only an lvalue can be lent: borrowing a temporary would leave the borrower dangling.
template <Generator G>
Borrowed<G> borrow(G& source) {
    return Borrowed<G>(source);
}

}  // namespace generators
