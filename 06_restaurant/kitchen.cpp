#include "kitchen.hpp"

#include <algorithm>
#include <stdexcept>

namespace restaurant {

Kitchen::Kitchen(int cooks) : cooks_(cooks) {
    if (cooks < 0) throw std::invalid_argument("Kitchen: the number of cooks must be >= 0");
    if (cooks == 0) return;
    free_cooks_ = std::make_unique<aio::Semaphore>(cooks);
    for (int i = 0; i < cooks; ++i) free_at_.push(0);
}

aio::Coroutine<long long> Kitchen::cook(Product product, long long at) {
    if (!free_cooks_) {
        co_await aio::sleep(product.seconds());
        co_return at + product.tenths;
    }
    co_await free_cooks_->acquire();
    const long long start = std::max(at, free_at_.top());
    free_at_.pop();
    const OnDuty on_duty(*this, start + product.tenths);
    // Until the story's deadline, not for the product's time: a late wake-up does not delay it.
    co_await aio::sleep(static_cast<double>(on_duty.ready) / 10.0 - aio::time());
    co_return on_duty.ready;
}

}  // namespace restaurant
