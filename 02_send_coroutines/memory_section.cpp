#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "common/resource_usage.hpp"
#include "greenlet.hpp"
#include "running_total.hpp"
#include "sections.hpp"
#include "steps.hpp"

namespace sections {

namespace {

constexpr int parked_count = 1000;

void row(common::Log& log, std::string_view what, std::size_t bytes) { log.plain("{:<60} {:>6}", what, bytes); }

}  // namespace

void memory(common::Context& ctx) {
    auto& log = ctx.log;
    constexpr std::size_t stack = greenlet::Greenlet::default_stack_size;
    const std::size_t guard = greenlet::Stack::guard_size();
    const std::size_t greenlet_bytes = stack + guard + sizeof(greenlet::Greenlet);
    constexpr std::size_t generator_bytes = sizeof(coroutines::RunningTotal);
    constexpr std::size_t bookkeeping = sizeof(coroutines::SendGenerator<int, int>);
    log.plain("{:<60} {:>6}", "what", "bytes");
    row(log, "greenlet: its stack, reserved (default_stack_size)", stack);
    row(log, "greenlet: its guard page below the stack, never readable", guard);
    row(log, "greenlet: the Greenlet object (sizeof)", sizeof(greenlet::Greenlet));
    row(log, "greenlet: total reserved", greenlet_bytes);
    row(log, "generator: RunningTotal (sizeof)", generator_bytes);
    row(log, "  send()'s bookkeeping: vtable pointer, 3 flags (its base)", bookkeeping);
    row(log, "  the frame: count, c, i, resume point, log pointer", generator_bytes - bookkeeping);
    row(log, "generator: Steps (sizeof)", sizeof(coroutines::Steps));
    log.plain("Reserved, this greenlet is {}x a RunningTotal: its own stack must hold any call chain,",
              greenlet_bytes / generator_bytes);
    log.plain("while a generator's frame holds only the locals that live across a yield.");

    // A thousand parked greenlets really do map a thousand stacks; the kernel says what they use.
    const std::size_t before = greenlet::Stack::live_count();
    const std::size_t rss_before = common::current_rss_bytes();
    {
        std::vector<std::unique_ptr<greenlet::Greenlet>> parked;
        for (int i = 0; i < parked_count; ++i) {
            parked.push_back(std::make_unique<greenlet::Greenlet>([] { greenlet::Greenlet::switch_to_main(); }));
            parked.back()->switch_to();
        }
        const std::size_t rss_after = common::current_rss_bytes();
        const std::size_t mapped = greenlet::Stack::live_count() - before;
        log.print("{} greenlets parked: {} stacks mapped, {:.1f} MiB of stack reserved", parked_count, mapped,
                  static_cast<double>(mapped * stack) / (1024.0 * 1024.0));
        if (ctx.clock.is_virtual()) {
            log.print("resident memory they use: measured in real time only (run this section without --virtual)");
        } else {
            const std::size_t per_greenlet = (rss_after > rss_before ? rss_after - rss_before : 0) / parked_count;
            log.print("resident memory grew by about {} bytes per parked greenlet: {}x a RunningTotal", per_greenlet,
                      per_greenlet / generator_bytes);
        }
    }
    log.print("destroyed: {} stacks mapped", greenlet::Stack::live_count() - before);
    log.plain("Reserved is not used: the kernel gives a stack page real memory only when it is first");
    log.plain("touched, and a parked greenlet has touched only the top of its stack. The reservation");
    log.plain("still counts: a stack cannot grow, so its size is picked up front for the deepest call.");
}

}  // namespace sections
