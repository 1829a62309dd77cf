#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

#include <fmt/format.h>

#include "greenlet.hpp"
#include "running_total.hpp"
#include "sections.hpp"
#include "steps.hpp"

namespace sections {

namespace {

void row(common::Log& log, std::string_view what, std::size_t bytes) { log.plain("{:<52} {:>8}", what, bytes); }

}  // namespace

void memory(common::Context& ctx) {
    auto& log = ctx.log;
    constexpr std::size_t stack = greenlet::Greenlet::default_stack_size;
    constexpr std::size_t greenlet_bytes = stack + sizeof(greenlet::Greenlet);
    constexpr std::size_t generator_bytes = sizeof(coroutines::RunningTotal);
    log.plain("{:<52} {:>8}", "what", "bytes");
    row(log, "greenlet: its stack (default_stack_size)", stack);
    row(log, "greenlet: the Greenlet object (sizeof)", sizeof(greenlet::Greenlet));
    row(log, "greenlet: total", greenlet_bytes);
    row(log, "generator: RunningTotal (sizeof, chapter-01 style)", generator_bytes);
    row(log, "generator: Steps (sizeof)", sizeof(coroutines::Steps));
    log.plain("A greenlet costs {}x a hand-written generator: its stack must hold any call chain,",
              greenlet_bytes / generator_bytes);
    log.plain("while a generator's frame holds only the locals that live across a yield.");

    // A thousand parked greenlets really do map a thousand stacks.
    const std::size_t before = greenlet::Stack::live_count();
    {
        std::vector<std::unique_ptr<greenlet::Greenlet>> parked;
        for (int i = 0; i < 1000; ++i) {
            parked.push_back(std::make_unique<greenlet::Greenlet>([] { greenlet::Greenlet::switch_to_main(); }));
            parked.back()->switch_to();
        }
        const std::size_t mapped = greenlet::Stack::live_count() - before;
        log.print("1000 greenlets parked: {} stacks mapped, {:.1f} MiB of stack", mapped,
                  static_cast<double>(mapped * stack) / (1024.0 * 1024.0));
    }
    log.print("destroyed: {} stacks mapped", greenlet::Stack::live_count() - before);
}

}  // namespace sections
