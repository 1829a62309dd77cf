#include "aio/thread_pool.hpp"

#include "common/clock_thread.hpp"

#include <algorithm>
#include <utility>

namespace aio::detail {

ThreadPool::ThreadPool(common::Clock& clock, std::size_t max_workers)
    : clock_(clock), max_workers_(std::max<std::size_t>(max_workers, 1)) {}

ThreadPool::~ThreadPool() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    has_work_.notify_all();
    // A clock thread blocked here does nothing: time may move for the jobs that sleep on it.
    const common::OffTheClock joining(clock_);
    for (std::thread& worker : workers_) worker.join();
}

std::size_t ThreadPool::default_max_workers() noexcept {
    return std::min<std::size_t>(32, std::thread::hardware_concurrency() + 4);
}

std::size_t ThreadPool::workers() const {
    const std::lock_guard lock(mutex_);
    return workers_.size();
}

void ThreadPool::submit(std::function<void()> job) {
    {
        const std::lock_guard lock(mutex_);
        if (unfinished_ + 1 > workers_.size() && workers_.size() < max_workers_) {
            workers_.emplace_back([this] { work(); });  // may throw: then nothing has changed
        }
        jobs_.push_back(std::move(job));
        ++unfinished_;
        // A worker is free for this job: it runs from now on, as far as the clock is concerned.
        if (unfinished_ <= workers_.size()) clock_.enter_thread();
    }
    has_work_.notify_one();
}

// One worker's life: take a job, run it; its hold on the clock passes to the next job waiting,
// or is let go once the job's result is out (the job posts it before it returns).
void ThreadPool::work() {
    common::bind_current_thread(&clock_);
    std::unique_lock lock(mutex_);
    while (true) {
        has_work_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) break;  // stopping, and nothing left to run
        std::function<void()> job = std::move(jobs_.front());
        jobs_.pop_front();
        lock.unlock();
        job();
        job = nullptr;  // what the job held goes now, on this thread, while it still counts
        lock.lock();
        const bool queued_without_hold = unfinished_ > workers_.size();
        --unfinished_;
        if (!queued_without_hold) clock_.leave_thread();
    }
    common::bind_current_thread(nullptr);
}

}  // namespace aio::detail
