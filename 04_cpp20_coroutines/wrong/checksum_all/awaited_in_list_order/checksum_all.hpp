// Wrong: each task is awaited in list order, so the first failure in the list wins and the rest are left running.
// Solution: checksum_all(blobs, checksum), every checksum on a worker thread, gathered.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "aio/aio.hpp"

namespace exercises {

using Checksum = std::function<std::uint32_t(const std::string&)>;

inline aio::Coroutine<std::vector<std::uint32_t>> checksum_all(std::vector<std::string> blobs, Checksum checksum) {
    std::vector<aio::Task<std::uint32_t>> tasks;
    // to_thread copies the function and moves each blob in: the worker refers to nothing here.
    for (std::string& blob : blobs) tasks.push_back(aio::create_task(aio::to_thread(checksum, std::move(blob))));
    std::vector<std::uint32_t> sums;
    for (aio::Task<std::uint32_t>& task : tasks) sums.push_back(co_await task);
    co_return sums;
}

}  // namespace exercises
