// take(gen, n): the first n items of gen, pulled one at a time; Python's itertools.islice(gen, n).
// It never asks its source for item n + 1, which is what makes take(fibonacci(), 10) finish.
// It owns its source: see borrow.hpp for sharing one. Used by the section "pipeline".
#pragma once

#include <cstddef>
#include <optional>
#include <utility>

#include "generator.hpp"

namespace generators {

template <Generator G>
class Take {
public:
    using value_type = typename G::value_type;

    Take(G source, std::size_t count) : source_(std::move(source)), remaining_(count) {}

    std::optional<value_type> next() {
        if (remaining_ == 0) return std::nullopt;
        --remaining_;
        return source_.next();
    }

private:
    G source_;  // owned; a Borrowed<G> when the caller lent it (borrow.hpp)
    std::size_t remaining_;
};

// The source is handed over (take(std::move(gen), n)) or lent (take(borrow(gen), n)): borrow.hpp.
template <Generator G>
Take<G> take(G&& source, std::size_t count) {
    return Take<G>(std::move(source), count);
}
template <Generator G>
void take(G& source, std::size_t count) = delete;  // a copy would fork gen: std::move(gen) or borrow(gen)

}  // namespace generators
