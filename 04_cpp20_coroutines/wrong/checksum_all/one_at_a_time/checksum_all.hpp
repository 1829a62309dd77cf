// Wrong: each checksum is awaited before the next one starts.
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
    std::vector<std::uint32_t> sums;
    // to_thread copies the function and moves each blob in: the worker refers to nothing here.
    for (std::string& blob : blobs) sums.push_back(co_await aio::to_thread(checksum, std::move(blob)));
    co_return sums;
}

}  // namespace exercises
