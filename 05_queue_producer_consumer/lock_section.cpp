#include <string>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/lock.hpp"
#include "sections.hpp"

namespace sections {

namespace {

struct Account {
    int balance = 100;
    aio::Lock lock;
};

// Read, await, write: one thread, no data race, and still a lost update, because another task
// runs at the await and writes in between.
aio::Coroutine<void> deposit(common::Context& ctx, Account& account, std::string name, int amount) {
    const int current = account.balance;
    ctx.log.print("  {} reads {}", name, current);
    co_await aio::sleep(0.1);  // a database round trip
    account.balance = current + amount;
    ctx.log.print("  {} writes {} + {} = {}", name, current, amount, account.balance);
}

aio::Coroutine<void> locked_deposit(common::Context& ctx, Account& account, std::string name, int amount) {
    const aio::LockGuard guard = co_await account.lock.guard();  // async with lock:
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "account", name);
    co_await deposit(ctx, account, name, amount);
}

template <class Deposit>
aio::Coroutine<void> three_deposits(common::Context& ctx, Account& account, Deposit deposit_with) {
    co_await aio::gather(deposit_with(ctx, account, "A", 10), deposit_with(ctx, account, "B", 20),
                         deposit_with(ctx, account, "C", 30));
}

}  // namespace

void lock(common::Context& ctx) {
    Account unlocked;
    ctx.log.plain("Without a lock: three tasks deposit 10, 20 and 30 into 100");
    aio::run(three_deposits(ctx, unlocked, deposit), {.clock = &ctx.clock});
    ctx.log.plain("  balance {} instead of 160: A's and B's deposits were overwritten (a lost update)",
                  unlocked.balance);
    Account locked;
    ctx.log.plain("With aio::Lock around read-await-write:");
    const double start = ctx.clock.now();
    aio::run(three_deposits(ctx, locked, locked_deposit), {.clock = &ctx.clock});
    ctx.log.plain("  balance {}, in {:.1f} s instead of 0.1 s: the critical sections ran one after another",
                  locked.balance, ctx.clock.now() - start);
}

}  // namespace sections
