#include "course_test.hpp"
#include "section_fixture.hpp"

#include <cstdint>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "aio/generator.hpp"
#include "aio/generator_adapters.hpp"
#include "fibonacci.hpp"
#include "sections.hpp"

TEST_CASE("the generator section prints the pipeline, its two frames, and the frame sizes it measured") {
    // The sizes depend on the compiler and its flags: measure them here the same way.
    const auto fibonacci_frame = coroutines::fibonacci().frame_size();
    const auto take_frame = aio::take(coroutines::fibonacci(), 10).frame_size();
    const aio::GeneratorFrames before = aio::generator_frames();

    SectionFixture f;
    sections::generator(f.ctx);

    CHECK(f.log.lines() ==
          std::vector<std::string>{
              "[  0.000s] auto gen = fibonacci() | take(10);   # two coroutine calls, no body runs yet",
              "[  0.000s]   heap frames allocated: 2: fibonacci's and take's",
              "[  0.000s] for (std::uint64_t x : gen)   # each step resumes take, which resumes fibonacci once",
              "[  0.000s]   -> 0 1 1 2 3 5 8 13 21 34",
              "[  0.000s] gen goes out of scope: its frames are destroyed",
              "[  0.000s]   heap frames freed: 2, bytes still allocated: 0",
              "[  0.000s] what a frame holds (the sizes depend on the compiler and its flags):",
              "[  0.000s]   chapter 01's Fibonacci:        24 bytes: a, b and index",
              fmt::format(
                  "[  0.000s]   the frame of fibonacci():     {:3} bytes: a, b and index, the promise ({} bytes), "
                  "the resume point,",
                  fibonacci_frame, sizeof(aio::Generator<std::uint64_t>::promise_type)),
              "[  0.000s]                                       the resume and destroy functions",
              fmt::format("[  0.000s]   the frame of take():          {:3} bytes: its parameters source and count, "
                          "the loop's iterator,",
                          take_frame),
              "[  0.000s]                                       the promise, the resume point, the two functions",
          });
    // Three frames in all (the pipeline's two, then the lone fibonacci()), none left behind.
    CHECK(aio::generator_frames().allocated == before.allocated + 3);
    CHECK(aio::generator_frames().freed == before.freed + 3);
    CHECK(aio::generator_frames().live_bytes == before.live_bytes);
}
