#include <optional>

#include <fmt/format.h>

#include "common/turns.hpp"
#include "sections.hpp"
#include "tatham_counter.hpp"

namespace sections {

void tatham(common::Context& ctx) {
    auto& log = ctx.log;
    common::Turns turns(ctx.timeline);  // the caller and the body take turns
    generators::TathamCountUpTo gen(3);
    log.print("gen = TathamCountUpTo(3)   # resume_line {}: start at the top", gen.resume_line());
    turns.run("caller", "next");
    while (const std::optional<int> x = gen.next()) {
        turns.run("TathamCountUpTo", fmt::format("{}", *x));
        log.print("next(gen) -> {}   # resume_line {}: the yield's line is also its case label", *x, gen.resume_line());
        turns.run("caller", "next");
    }
    turns.run("TathamCountUpTo", "end");
    log.print("next(gen) -> nullopt   # resume_line {}: finished", gen.resume_line());
    log.plain("");
    log.plain("i lives in the object, not in next(): next() returns at every yield, and its locals");
    log.plain("die when it returns (Tatham's C kept them static). The jump back in only forbids");
    log.plain("skipping a declaration that initialises. C++20's co_yield makes the compiler write");
    log.plain("this switch and the frame for you, locals included (chapter 04).");
}

}  // namespace sections
