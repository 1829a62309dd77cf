#include "footprint.hpp"

#include <vector>

#include "squares.hpp"

namespace generators {

Footprint measure_footprint(std::int64_t n) {
    Footprint footprint;
    footprint.items = n;
    const std::vector<std::int64_t> eager = squares_list(n);
    footprint.eager_capacity = eager.capacity();
    footprint.eager_heap_bytes = eager.capacity() * sizeof(std::vector<std::int64_t>::value_type);
    footprint.eager_object_bytes = sizeof(eager);
    Squares lazy(n);
    footprint.lazy_bytes = sizeof(lazy);

    footprint.same_items = true;
    for (const std::int64_t item : eager) {
        if (lazy.next() != item) footprint.same_items = false;
    }
    if (lazy.next().has_value()) footprint.same_items = false;  // the generator must end there too
    if (!eager.empty()) footprint.last_item = eager.back();
    return footprint;
}

}  // namespace generators
