#include <optional>

#include "sections.hpp"
#include "tatham_counter.hpp"

namespace sections {

void tatham(common::Context& ctx) {
    auto& log = ctx.log;
    generators::TathamCountUpTo gen(3);
    log.print("gen = TathamCountUpTo(3)   # resume_line {}: start at the top", gen.resume_line());
    while (const std::optional<int> x = gen.next()) {
        log.print("next(gen) -> {}   # resume_line {}: the yield's line is also its case label", *x, gen.resume_line());
    }
    log.print("next(gen) -> nullopt   # resume_line {}: finished", gen.resume_line());
    log.plain("");
    log.plain("One switch jumps back into the loop, so the locals must live in the object: the jump");
    log.plain("may not skip a declaration. C++20's co_yield makes the compiler write this switch and");
    log.plain("the frame for you, locals included (chapter 04).");
}

}  // namespace sections
