#include "course_test.hpp"

#include <cstdint>
#include <thread>

#include "balance.hpp"
#include "safe_account.hpp"

// This test runs under ThreadSanitizer (see CMakeLists.txt): the first data race it sees stops
// the program with its report, so a racy account fails on every run, whatever the timing.
extern "C" const char* __tsan_default_options() { return "halt_on_error=1"; }

TEST_CASE("a million deposits and a million withdrawals on two threads end at exactly 0") {
    exercises::SafeAccount account;
    restaurant::deposits_and_withdrawals(account, 1'000'000);
    CHECK(account.balance() == 0);
}

TEST_CASE("two threads depositing a million times each leave exactly 2'000'000: not one deposit lost") {
    exercises::SafeAccount account;
    {
        const std::jthread first([&account] {
            for (int i = 0; i < 1'000'000; ++i) account.add(+1);
        });
        const std::jthread second([&account] {
            for (int i = 0; i < 1'000'000; ++i) account.add(+1);
        });
    }
    CHECK(account.balance() == 2'000'000);
}
