// take(gen, n): the first n items of gen, pulled one at a time; Python's itertools.islice(gen, n).
// It never asks its source for item n + 1, which is what makes take(fibonacci(), 10) finish.
// Used by the section "pipeline".
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
    G source_;  // owned: an adapter can never outlive the generator it reads
    std::size_t remaining_;
};

template <Generator G>
Take<G> take(G source, std::size_t count) {
    return Take<G>(std::move(source), count);
}

}  // namespace generators
