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
    std::vector<aio::Coroutine<std::uint32_t>> calls;
    calls.reserve(blobs.size());
    // to_thread copies the function and moves each blob in: the worker refers to nothing here.
    for (std::string& blob : blobs) calls.push_back(aio::to_thread(checksum, std::move(blob)));
    // gather starts them all at once, keeps the blobs' order, and waits for every one before
    // it rethrows the first exception.
    co_return co_await aio::gather(std::move(calls));
}

}  // namespace exercises
