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
// race and no undefined behaviour, but the pair is not: another thread may write between them,
// and this write then erases that update. exchange() is the write that also tells us so.
class LostUpdateAccount {
public:
    void add(std::int64_t amount) {
        const std::int64_t seen = balance_.load(std::memory_order_relaxed);
        const std::int64_t overwritten = balance_.exchange(seen + amount, std::memory_order_relaxed);
        if (overwritten != seen) lost_.fetch_add(1, std::memory_order_relaxed);  // ABA aside
    }
    [[nodiscard]] std::int64_t balance() const { return balance_.load(); }
    // How many writes saw that they erased an update the other thread had made since their read.
    [[nodiscard]] std::int64_t lost_updates() const { return lost_.load(); }

private:
    std::atomic<std::int64_t> balance_{0};
    std::atomic<std::int64_t> lost_{0};
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
    // std::jthread joins on destruction: both threads are done when this returns.
    const std::jthread deposits([&account, times] {
        for (int i = 0; i < times; ++i) account.add(+1);
    });
    const std::jthread withdrawals([&account, times] {
        for (int i = 0; i < times; ++i) account.add(-1);
    });
}

}  // namespace restaurant
