#include <cstddef>
#include <cstdint>
#include <string>

#include <fmt/format.h>

#include "aio/generator.hpp"
#include "aio/generator_adapters.hpp"
#include "fibonacci.hpp"
#include "fibonacci_by_hand.hpp"
#include "sections.hpp"

namespace sections {

void generator(common::Context& ctx) {
    auto& log = ctx.log;
    const aio::GeneratorFrames before = aio::generator_frames();
    std::size_t take_frame = 0;
    {
        log.print("auto gen = fibonacci() | take(10);   # two coroutine calls, no body runs yet");
        auto gen = coroutines::fibonacci() | aio::take(10);
        take_frame = gen.frame_size();
        log.print("  heap frames allocated: {}: fibonacci's and take's",
                  aio::generator_frames().allocated - before.allocated);
        log.print("for (std::uint64_t x : gen)   # each step resumes take, which resumes fibonacci once");
        std::string numbers;
        for (const std::uint64_t x : gen) numbers += fmt::format(" {}", x);
        log.print("  ->{}", numbers);
        log.print("gen goes out of scope: its frames are destroyed");
    }
    log.print("  heap frames freed: {}, bytes still allocated: {}", aio::generator_frames().freed - before.freed,
              aio::generator_frames().live_bytes - before.live_bytes);

    // Chapter 01 wrote the frame as a class; here the compiler lays it out and sizes it.
    const auto fibonacci = coroutines::fibonacci();
    log.print("what a frame holds (the sizes depend on the compiler and its flags):");
    log.print("  chapter 01's Fibonacci:       {:3} bytes: a, b and index", sizeof(coroutines::FibonacciByHand));
    log.print("  the frame of fibonacci():     {:3} bytes: a, b and index, the promise ({} bytes), the resume point,",
              fibonacci.frame_size(), sizeof(aio::Generator<std::uint64_t>::promise_type));
    log.print("                                      the resume and destroy functions");
    log.print("  the frame of take():          {:3} bytes: its parameters source and count, the loop's iterator,",
              take_frame);
    log.print("                                      the promise, the resume point, the two functions");
}

}  // namespace sections
