// Exercise: checksums of a list of blobs, computed off the loop, all at once, with to_thread.
//
// Python:
//     async def checksum_all(blobs, checksum):
//         return await asyncio.gather(*(asyncio.to_thread(checksum, blob) for blob in blobs))
//
// `checksum` is a blocking function (a slow library call: the tests' one takes 0.1 s per 1000
// bytes). Called directly in a coroutine, it would hold the loop's thread, and every other task
// would stand still (section "offload"). Write checksum_all so that:
// - each checksum runs on a worker thread (aio::to_thread): the loop goes on meanwhile;
// - they all run at once: blobs of 0.1 s, 0.3 s and 0.2 s take 0.3 s, not 0.6 s;
// - the results come in the order of the blobs, whichever finishes first;
// - an exception thrown by one checksum reaches the caller, once all the others have finished.
// Run its tests: ./course exercise checksum_all
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "aio/aio.hpp"
#include "common/todo.hpp"

namespace exercises {

using Checksum = std::function<std::uint32_t(const std::string&)>;

inline aio::Coroutine<std::vector<std::uint32_t>> checksum_all(std::vector<std::string> blobs, Checksum checksum) {
    // TODO: one aio::to_thread(checksum, blob) per blob, awaited together; return the results.
    (void)blobs;
    (void)checksum;
    common::todo("checksum_all(blobs, checksum)");
    co_return std::vector<std::uint32_t>{};
}

}  // namespace exercises
