#include <cstdint>

#include <fmt/format.h>

#include "balance.hpp"
#include "sections.hpp"

namespace sections {

namespace {
// A race shows only when the two threads really run at the same time. On a busy machine one of
// them may get no core until the other is done, and nothing is lost in that round: try again.
constexpr int most_rounds = 1000;
}  // namespace

void balance(common::Context& ctx, int times) {
    ctx.log.plain(
        "Two threads: one deposits 1, {} times; the other withdraws 1, {} times. The balance should end at 0.", times,
        times);
    std::int64_t racy_balance = 0;
    int round = 1;
    for (;; ++round) {
        restaurant::LostUpdateAccount racy;
        restaurant::deposits_and_withdrawals(racy, times);
        racy_balance = racy.balance();
        if (racy_balance != 0 || round == most_rounds) break;
    }
    // Each lost update moves the balance by one, but losses of both kinds cancel out: at least
    // |balance| updates were lost.
    const std::int64_t lost = racy_balance < 0 ? -racy_balance : racy_balance;
    if (lost == 0) {
        ctx.log.plain("read, then write (two atomic steps): balance 0 in {} rounds: the threads never overlapped",
                      most_rounds);
    } else {
        ctx.log.plain("read, then write (two atomic steps): balance {}: at least {} updates lost (round {})",
                      racy_balance, lost, round);
    }
    restaurant::MutexAccount locked;
    restaurant::deposits_and_withdrawals(locked, times);
    ctx.log.plain("with a std::mutex around the update:  balance {}", locked.balance());
    restaurant::AtomicAccount atomic;
    restaurant::deposits_and_withdrawals(atomic, times);
    ctx.log.plain("with one atomic fetch_add:           balance {}", atomic.balance());
}

}  // namespace sections
