// Wrong: a new mutex in each call to add() protects nothing: the two threads never share it.
#pragma once

#include <cstdint>
#include <mutex>

namespace exercises {

class SafeAccount {
public:
    void add(std::int64_t amount) {
        std::mutex mutex;
        const std::lock_guard lock(mutex);
        balance_ += amount;
    }
    [[nodiscard]] std::int64_t balance() const { return balance_; }

private:
    std::int64_t balance_ = 0;
};

}  // namespace exercises
