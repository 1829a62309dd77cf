// map(fn, gen): fn applied to each item of gen, at the moment that item is pulled; Python's
// built-in map(). Used by the section "pipeline".
#pragma once

#include <concepts>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

#include "generator.hpp"

namespace generators {

template <Generator G, std::invocable<typename G::value_type> Function>
class Map {
public:
    using value_type = std::remove_cvref_t<std::invoke_result_t<Function&, typename G::value_type>>;

    Map(Function function, G source) : function_(std::move(function)), source_(std::move(source)) {}

    std::optional<value_type> next() {
        std::optional<typename G::value_type> item = source_.next();
        if (!item) return std::nullopt;
        return std::invoke(function_, std::move(*item));
    }

private:
    Function function_;
    G source_;
};

// The source is handed over (std::move(gen)) or lent (borrow(gen)), never copied: borrow.hpp.
template <Generator G, std::invocable<typename G::value_type> Function>
Map<G, Function> map(Function function, G&& source) {
    return Map<G, Function>(std::move(function), std::move(source));
}
template <Generator G, class Function>
void map(Function function, G& source) = delete;  // a copy would fork gen: std::move(gen) or borrow(gen)

}  // namespace generators
