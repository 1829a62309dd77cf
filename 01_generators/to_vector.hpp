// to_vector(gen): drains a generator into a vector; Python's list(gen). Only for generators
// that end: on an endless one it never returns. Used by the section "pipeline" and the tests.
#pragma once

#include <optional>
#include <vector>

#include "generator.hpp"

namespace generators {

template <Generator G>
std::vector<typename G::value_type> to_vector(G gen) {
    std::vector<typename G::value_type> items;
    while (std::optional<typename G::value_type> item = gen.next()) items.push_back(std::move(*item));
    return items;
}

}  // namespace generators
