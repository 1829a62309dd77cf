// The balance: real threads. The lost update is reported by the section, never asserted; the
// fixes are asserted exact.
#include "course_test.hpp"

#include "balance.hpp"

TEST_CASE("with a mutex, a million deposits and a million withdrawals on two threads end at exactly 0") {
    restaurant::MutexAccount account;
    restaurant::deposits_and_withdrawals(account, 1'000'000);
    CHECK(account.balance() == 0);
}

TEST_CASE("with one atomic fetch_add per update, a million of each on two threads end at exactly 0") {
    restaurant::AtomicAccount account;
    restaurant::deposits_and_withdrawals(account, 1'000'000);
    CHECK(account.balance() == 0);
}

TEST_CASE("read-then-write loses nothing while only one thread writes: the loss needs a second writer") {
    restaurant::LostUpdateAccount account;
    for (int i = 0; i < 1000; ++i) account.add(+1);
    for (int i = 0; i < 400; ++i) account.add(-1);
    CHECK(account.balance() == 600);
}
