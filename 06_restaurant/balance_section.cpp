#include <cstdint>

#include <fmt/format.h>

#include "balance.hpp"
#include "sections.hpp"

namespace sections {

void balance(common::Context& ctx, int times) {
    ctx.log.plain(
        "Two threads: one deposits 1, {} times; the other withdraws 1, {} times. The balance should end at 0.", times,
        times);
    restaurant::LostUpdateAccount racy;
    restaurant::deposits_and_withdrawals(racy, times);
    // Each lost update moves the balance by one, but losses of both kinds cancel out: at least
    // |balance| updates were lost.
    const std::int64_t lost = racy.balance() < 0 ? -racy.balance() : racy.balance();
    ctx.log.plain("read, then write (two atomic steps): balance {}: at least {} updates lost", racy.balance(), lost);
    restaurant::MutexAccount locked;
    restaurant::deposits_and_withdrawals(locked, times);
    ctx.log.plain("with a std::mutex around the update:  balance {}", locked.balance());
    restaurant::AtomicAccount atomic;
    restaurant::deposits_and_withdrawals(atomic, times);
    ctx.log.plain("with one atomic fetch_add:           balance {}", atomic.balance());
}

}  // namespace sections
