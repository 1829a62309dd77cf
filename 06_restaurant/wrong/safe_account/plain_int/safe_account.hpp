// Wrong: a plain int64 that both threads update: a data race, so undefined behaviour.
#pragma once

#include <cstdint>

namespace exercises {

class SafeAccount {
public:
    void add(std::int64_t amount) { balance_ += amount; }
    [[nodiscard]] std::int64_t balance() const { return balance_; }

private:
    std::int64_t balance_ = 0;
};

}  // namespace exercises
