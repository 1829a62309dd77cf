#include <algorithm>
#include <string>

#include "footprint.hpp"
#include "sections.hpp"
#include "thousands.hpp"

namespace sections {

void eager(common::Context& ctx, std::int64_t count) {
    auto& log = ctx.log;
    using generators::thousands;
    const std::string n = thousands(static_cast<std::uint64_t>(count));
    log.print("eager = squares_list({})   # [i * i for i in range(n)]: every item, now", n);
    log.print("lazy = Squares({})         # (i * i for i in range(n)): one item per next()", n);
    const generators::Footprint footprint = generators::measure_footprint(count);
    const char* const verdict = footprint.same_items ? "checked item by item" : "THEY DIFFER";
    if (count == 0) {
        log.print("both give no items: {}", verdict);
    } else {
        log.print("both give the same {} items, the last one {}: {}", n,
                  thousands(static_cast<std::uint64_t>(footprint.last_item)), verdict);
    }

    // A table of the measured sizes: the object itself, and what it keeps on the heap.
    const std::string heap = thousands(footprint.eager_heap_bytes);
    const std::size_t width = std::max<std::size_t>(heap.size(), 4);
    log.plain("");
    log.plain("  {:<28}  {:>6}  {:>{}}", "bytes held by", "object", "heap", width);
    log.plain("  {:<28}  {:>6}  {:>{}}", "eager: std::vector<int64_t>", footprint.eager_object_bytes, heap, width);
    log.plain("  {:<28}  {:>6}  {:>{}}", "lazy: Squares", footprint.lazy_bytes, 0, width);
    log.plain("");
    log.plain("The vector's heap is its capacity, {} items, times {} bytes each: it grows with n.",
              thousands(footprint.eager_capacity), sizeof(std::int64_t));
    log.plain("The generator is {} bytes, i and n, for any n: it makes each item when asked.", footprint.lazy_bytes);
}

}  // namespace sections
