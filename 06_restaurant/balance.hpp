// The originals' bank balance: one thread deposits 1, another withdraws 1, a million times each.
// Three accounts: one that loses updates (without undefined behaviour), and two fixes.
// Section balance; the exercise safe_account fixes one itself.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <thread>

namespace restaurant {

// `balance += 1` as two steps, a read and a write. Each step is atomic, so there is no data
// race and no undefined behaviour, but the pair is not: the other thread may write between
// them, and this write then erases what it did.
class LostUpdateAccount {
public:
    void add(std::int64_t amount) {
        const std::int64_t seen = balance_.load(std::memory_order_relaxed);
        balance_.store(seen + amount, std::memory_order_relaxed);
    }
    [[nodiscard]] std::int64_t balance() const { return balance_.load(); }

private:
    std::atomic<std::int64_t> balance_{0};
};

// The originals' fix: a lock around the read-modify-write.
class MutexAccount {
public:
    void add(std::int64_t amount) {
        const std::lock_guard lock(mutex_);
        balance_ += amount;
    }
    [[nodiscard]] std::int64_t balance() const {
        const std::lock_guard lock(mutex_);
        return balance_;
    }

private:
    mutable std::mutex mutex_;
    std::int64_t balance_ = 0;
};

// The C++ fix for a counter: the read-modify-write is one indivisible instruction.
class AtomicAccount {
public:
    void add(std::int64_t amount) { balance_.fetch_add(amount, std::memory_order_relaxed); }
    [[nodiscard]] std::int64_t balance() const { return balance_.load(); }

private:
    std::atomic<std::int64_t> balance_{0};
};

// depositos() and retiros() on two threads at once; returns when both are done.
template <class Account>
void deposits_and_withdrawals(Account& account, int times) {
    // Each thread spins until both are up, so they really run at the same time: a million updates
    // take a few milliseconds, less than it takes to start a thread. (Started at a std::latch
    // instead, with libstdc++ 12, the two loops did not overlap in our runs: nothing was lost.)
    std::atomic<int> ready{0};
    const auto body = [&account, &ready, times](std::int64_t amount) {
        ready.fetch_add(1);
        while (ready.load() < 2) {}
        for (int i = 0; i < times; ++i) account.add(amount);
    };
    // std::jthread joins on destruction: both threads are done when this returns.
    const std::jthread deposits(body, +1);
    const std::jthread withdrawals(body, -1);
}

}  // namespace restaurant
