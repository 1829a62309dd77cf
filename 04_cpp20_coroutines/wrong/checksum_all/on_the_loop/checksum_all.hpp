// Wrong: the checksums run on the loop's thread, blocking it.
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
    for (const std::string& blob : blobs) sums.push_back(checksum(blob));
    co_return sums;
}

}  // namespace exercises
