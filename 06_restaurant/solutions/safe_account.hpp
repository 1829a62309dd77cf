// Solution: an account no update of which is lost (see exercises/safe_account.hpp).
#pragma once

#include <atomic>
#include <cstdint>

namespace exercises {

class SafeAccount {
public:
    // One indivisible read-modify-write: no other thread can write between the read and the write.
    void add(std::int64_t amount) { balance_.fetch_add(amount, std::memory_order_relaxed); }
    [[nodiscard]] std::int64_t balance() const { return balance_.load(); }

private:
    std::atomic<std::int64_t> balance_{0};
};

}  // namespace exercises
