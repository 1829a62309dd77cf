// The kitchen of section queue: C cooks, as an aio::Semaphore with C permits (or no limit), and
// the story time at which each cook is free again, so a product started by a cook who just
// finished another starts when that one was done, at any --speed.
#pragma once

#include <functional>
#include <memory>
#include <queue>
#include <vector>

#include "aio/aio.hpp"
#include "aio/semaphore.hpp"
#include "menu.hpp"

namespace restaurant {

class Kitchen {
public:
    // cooks == 0: as many cooks as products asked for (the kitchens of sections async and threads).
    explicit Kitchen(int cooks);

    // A cook makes `product`, asked for at story time `at`; returns the story time it is ready.
    // Story times are in tenths of a second, so they add up exactly.
    aio::Coroutine<long long> cook(Product product, long long at);

    [[nodiscard]] int cooks() const noexcept { return cooks_; }

private:
    // A cook at work: whatever happens (a cancelled waiter too), he is free again at `ready`.
    struct OnDuty {
        OnDuty(Kitchen& kitchen, long long ready_at) : kitchen(kitchen), ready(ready_at) {}
        OnDuty(const OnDuty&) = delete;
        OnDuty& operator=(const OnDuty&) = delete;
        ~OnDuty() {
            kitchen.free_at_.push(ready);
            kitchen.free_cooks_->release();
        }
        Kitchen& kitchen;
        long long ready;
    };

    int cooks_;
    std::unique_ptr<aio::Semaphore> free_cooks_;  // null: no limit
    // When each cook became free, earliest first. A release() hands its permit to the longest
    // waiter, which then takes the earliest free time: that cook's.
    std::priority_queue<long long, std::vector<long long>, std::greater<>> free_at_;
};

}  // namespace restaurant
