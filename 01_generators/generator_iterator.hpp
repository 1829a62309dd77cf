// Range-for over any generator: begin(gen) pulls the first item, ++it pulls the next, and the
// iterator equals end(gen) once next() returned std::nullopt. Python's `for x in gen`.
// Used by the sections "range_for" and "pipeline".
#pragma once

#include <cstddef>
#include <iterator>
#include <optional>
#include <utility>

#include "generator.hpp"

namespace generators {

// An input iterator: it can be read once and moved forward, never rewound, exactly like a
// Python iterator. It holds the item that the last next() returned.
template <Generator G>
class GeneratorIterator {
public:
    using value_type = typename G::value_type;
    using difference_type = std::ptrdiff_t;

    GeneratorIterator() = default;
    explicit GeneratorIterator(G& gen) : gen_(&gen), current_(gen.next()) {}

    const value_type& operator*() const { return *current_; }
    GeneratorIterator& operator++() {
        current_ = gen_->next();
        return *this;
    }
    void operator++(int) { ++*this; }

    // Exhausted is the only way to be "at the end": a generator does not know its length.
    friend bool operator==(const GeneratorIterator& it, std::default_sentinel_t) { return !it.current_.has_value(); }

private:
    G* gen_ = nullptr;
    std::optional<value_type> current_;
};

// Range-for calls begin(gen) and end(gen); it finds these next to the generator's type (in
// this namespace), so every generator here gets them without writing them again.
template <Generator G>
GeneratorIterator<G> begin(G& gen) {
    return GeneratorIterator<G>(gen);
}
template <Generator G>
std::default_sentinel_t end(G& /*gen*/) {
    return std::default_sentinel;
}

}  // namespace generators
