#include <fmt/format.h>

#include "common/duration.hpp"
#include "latency.hpp"
#include "sections.hpp"

namespace sections {

void latency(common::Context& ctx) {
    ctx.log.plain("{:<46}  {:>8}  {:>12}  {}", "", "latency", "x 1e9", "meanwhile, a person could...");
    for (const restaurant::Latency& row : restaurant::latency_numbers()) {
        ctx.log.plain("{:<46}  {:>8}  {:>12}  {}", row.what, common::format_duration(row.nanoseconds * 1e-9),
                      restaurant::human_duration(row.nanoseconds), row.meanwhile);
    }
    for (const restaurant::Latency& row : restaurant::latency_numbers()) {
        if (!restaurant::originals_slipped(row)) continue;
        ctx.log.plain("note: the originals print {} for {}, but {:g} s is {}.", row.originals_text, row.what,
                      row.nanoseconds, restaurant::human_duration(row.nanoseconds));
    }
    ctx.log.plain(
        "A waiter who stands still for the kitchen wastes the months in this table; an event loop spends them"
        " on the next order.");
}

}  // namespace sections
