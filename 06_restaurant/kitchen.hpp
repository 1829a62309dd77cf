// The kitchen of section queue: C cooks are an aio::Semaphore with C permits. A product waits for
// a free cook, and the cook makes it alone, in its whole preparation time.
#pragma once

#include "aio/semaphore.hpp"

namespace restaurant {

class Kitchen {
public:
    // cooks == 0: no limit, a cook for every product (the kitchen of section async).
    explicit Kitchen(int cooks);

    // co_await kitchen.free_cook(): waits until a cook is free. The cook works for you while the
    // returned guard lives, and is free again when it goes, even if your task is cancelled.
    [[nodiscard]] aio::Semaphore::GuardAwaiter free_cook() noexcept { return free_cooks_.guard(); }

    [[nodiscard]] int cooks() const noexcept { return cooks_; }

private:
    int cooks_;
    aio::Semaphore free_cooks_;
};

}  // namespace restaurant
