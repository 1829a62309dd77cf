// The lesson's sections, one function each, registered by main.cpp.
#pragma once

#include <cstdint>

#include "common/lesson.hpp"

namespace sections {

// asyncq.py's command line: -p/--nprod, -c/--ncon, and the seed of random.seed(444).
struct AsyncqOptions {
    int nprod = 5;
    int ncon = 10;
    std::uint64_t seed = 444;
    int maxsize = 0;  // asyncio.Queue(): no bound
};

// 1. The originals' producers and consumers (Real Python's asyncq.py).
void asyncq(common::Context& ctx, AsyncqOptions options);

}  // namespace sections
