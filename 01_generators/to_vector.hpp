// to_vector(gen): drains a generator into a vector; Python's list(gen). Only for generators
// that end: on an endless one it never returns. Like list(gen), it drains gen itself, not a
// copy: after one next(), it gives the rest. Used by the sections "counter" and "pipeline".
#pragma once

#include <optional>
#include <type_traits>
#include <vector>

#include "generator.hpp"

namespace generators {

template <class G>
requires Generator<std::remove_cvref_t<G>> std::vector<typename std::remove_cvref_t<G>::value_type> to_vector(G&& gen) {
    using T = typename std::remove_cvref_t<G>::value_type;
    std::vector<T> items;
    while (std::optional<T> item = gen.next()) items.push_back(std::move(*item));
    return items;
}

}  // namespace generators
