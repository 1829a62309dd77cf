// asyncio's default executor: a few worker threads, started on demand, that run jobs for
// to_thread. The loop owns one (EventLoop::executor()) and joins it when it closes. Section
// "offload".
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

#include "common/clock.hpp"

namespace aio::detail {

// Runs each job on one of at most `max_workers` threads; a thread starts only when no idle one
// can take the job (CPython's ThreadPoolExecutor). Jobs must not throw.
//
// Virtual time: a job counts as a running thread of `clock` from submit() (before the loop can
// fall asleep on the clock) until it has returned, so time stands still while a job computes,
// and a job that sleeps on the clock lets it move like any other sleeper. Jobs queued behind
// busy workers do not hold time: they start only when a worker is free.
class ThreadPool {
public:
    ThreadPool(common::Clock& clock, std::size_t max_workers);
    ThreadPool(const ThreadPool&) = delete;
    ThreadPool& operator=(const ThreadPool&) = delete;
    // Runs every job submitted, then joins the workers.
    ~ThreadPool();

    // Throws std::system_error if a thread was needed and could not be started.
    void submit(std::function<void()> job);

    [[nodiscard]] std::size_t workers() const;
    [[nodiscard]] std::size_t max_workers() const noexcept { return max_workers_; }
    // CPython's default: min(32, cores + 4), enough for short blocking calls, few for a machine.
    [[nodiscard]] static std::size_t default_max_workers() noexcept;

private:
    void work();

    common::Clock& clock_;
    std::size_t max_workers_;
    mutable std::mutex mutex_;
    std::condition_variable has_work_;
    std::deque<std::function<void()>> jobs_;
    std::vector<std::thread> workers_;
    // Jobs submitted and not finished. While it is at most workers_.size(), each job counts on
    // the clock; beyond, only workers_.size() of them do (the ones a worker holds).
    std::size_t unfinished_ = 0;
    bool stopping_ = false;
};

}  // namespace aio::detail
