// Wrong: the permit is released after the work by hand, so a failed or cancelled work keeps it.
// Solution: run a piece of work only while holding a Semaphore's permit.
#pragma once

#include "aio/aio.hpp"
#include "aio/semaphore.hpp"

namespace exercises {

namespace detail {
// `async with semaphore:` in C++: the destructor gives the permit back, however we leave.
class Permit {
public:
    explicit Permit(aio::Semaphore& semaphore) noexcept : semaphore_(semaphore) {}
    Permit(const Permit&) = delete;
    Permit& operator=(const Permit&) = delete;
    ~Permit() { semaphore_.release(); }

private:
    aio::Semaphore& semaphore_;
};
}  // namespace detail

inline aio::Coroutine<void> limited(aio::Semaphore& semaphore, aio::Coroutine<void> work) {
    co_await semaphore.acquire();
    co_await std::move(work);
    semaphore.release();
}

}  // namespace exercises
