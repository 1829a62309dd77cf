// What every generator of this chapter is: an object with a value_type and a next() that returns
// the next item, or std::nullopt once it is exhausted (Python's StopIteration).
// The adapters and range-for accept any such type: sections "range_for" and "pipeline".
#pragma once

#include <concepts>
#include <optional>

namespace generators {

template <class G>
concept Generator = requires(G& gen) {
    typename G::value_type;
    { gen.next() } -> std::same_as<std::optional<typename G::value_type>>;
};

}  // namespace generators
