// What the eager vector and the lazy generator each hold in memory, measured on the real
// objects: the vector's capacity in bytes against sizeof the generator. Used by the section "eager".
#pragma once

#include <cstddef>
#include <cstdint>

namespace generators {

struct Footprint {
    std::int64_t items = 0;              // how many squares each one gives
    std::size_t eager_capacity = 0;      // squares_list(n).capacity(), in items
    std::size_t eager_heap_bytes = 0;    // eager_capacity * sizeof(std::int64_t): the items themselves
    std::size_t eager_object_bytes = 0;  // sizeof(std::vector<std::int64_t>): the handle to them
    std::size_t lazy_bytes = 0;          // sizeof(Squares), whatever n is; it owns no heap
    bool same_items = false;             // both gave the same sequence, item by item
    std::int64_t last_item = 0;          // the last square, or 0 when n is 0
};

// Builds squares_list(n), runs Squares(n) alongside it, and measures both.
Footprint measure_footprint(std::int64_t n);

}  // namespace generators
