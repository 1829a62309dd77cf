#include <cstdint>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "borrow.hpp"
#include "common/turns.hpp"
#include "fibonacci.hpp"
#include "filter.hpp"
#include "generator_iterator.hpp"
#include "map.hpp"
#include "sections.hpp"
#include "take.hpp"
#include "to_vector.hpp"

namespace sections {

namespace {
bool is_even(std::uint64_t x) { return x % 2 == 0; }
std::uint64_t square(std::uint64_t x) { return x * x; }
}  // namespace

void pipeline(common::Context& ctx) {
    auto& log = ctx.log;
    log.print("fibonacci() never ends; take() asks it for 10 items and then stops asking");
    log.print("list(islice(fibonacci(), 10)) = [{}]",
              fmt::join(generators::to_vector(generators::take(generators::fibonacci(), 10)), ", "));

    // A map that only watches: it logs each number the moment fibonacci makes it. The timeline
    // draws fibonacci's turns against the loop's.
    common::Turns turns(ctx.timeline);
    int made = 0;
    auto watched = generators::map(
        [&](std::uint64_t x) {
            ++made;
            log.print("  fibonacci: {}", x);
            turns.run("fibonacci", fmt::format("{}", x));
            return x;
        },
        generators::fibonacci());
    auto first_even_squares =
        generators::take(generators::map(square, generators::filter(is_even, std::move(watched))), 4);

    log.print("for x in islice(map(square, filter(is_even, fibonacci())), 4):");
    for (const std::uint64_t x : first_even_squares) {
        log.print("  -> {}", x);
        turns.run("loop", fmt::format("{}", x));
    }
    log.print("4 items out, so fibonacci made {} numbers: each one only when the loop asked", made);

    // Python's islice shares its source; here sharing is said out loud with borrow(fib).
    generators::Fibonacci fib = generators::fibonacci();
    log.print("fib = fibonacci(); islice(fib, 5) twice   # take(borrow(fib), 5): fib is lent, not handed over");
    log.print("list(islice(fib, 5)) = [{}]",
              fmt::join(generators::to_vector(generators::take(generators::borrow(fib), 5)), ", "));
    log.print("list(islice(fib, 5)) = [{}]   # fib went on from where the first islice stopped",
              fmt::join(generators::to_vector(generators::take(generators::borrow(fib), 5)), ", "));
}

}  // namespace sections
