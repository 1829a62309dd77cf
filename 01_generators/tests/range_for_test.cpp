#include "course_test.hpp"
#include "section_fixture.hpp"

#include <iterator>
#include <string>
#include <vector>

#include "counter.hpp"
#include "fibonacci.hpp"
#include "generator_iterator.hpp"
#include "sections.hpp"

using Lines = std::vector<std::string>;

static_assert(std::input_iterator<generators::GeneratorIterator<generators::CountUpTo>>);
static_assert(std::sentinel_for<std::default_sentinel_t, generators::GeneratorIterator<generators::CountUpTo>>);

TEST_CASE("begin() runs the body to the first yield, ++it to the next, end() is exhaustion") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    generators::CountUpTo gen = generators::count_up_to(2, log);
    auto it = begin(gen);
    CHECK(log.take_lines() == Lines{"[  0.000s] count_up_to: started", "[  0.000s] count_up_to: yield 0"});
    CHECK(*it == 0);
    CHECK(it != end(gen));
    ++it;
    CHECK(log.take_lines() == Lines{"[  0.000s] count_up_to: yield 1"});
    CHECK(*it == 1);
    CHECK(it != end(gen));
    ++it;
    CHECK(log.take_lines() == Lines{"[  0.000s] count_up_to: finished"});
    CHECK(it == end(gen));
}

TEST_CASE("range-for visits every item in order and nothing after") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    std::vector<int> seen;
    for (const int x : generators::count_up_to(4, log)) seen.push_back(x);
    CHECK(seen == std::vector<int>{0, 1, 2, 3});
}

TEST_CASE("range-for over an empty generator runs the body once and the loop never") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    int iterations = 0;
    for (const int x : generators::count_up_to(0, log)) iterations += 1 + x;
    CHECK(iterations == 0);
    CHECK(log.lines() == Lines{"[  0.000s] count_up_to: started", "[  0.000s] count_up_to: finished"});
}

TEST_CASE("break leaves an endless generator where it was, and a later loop resumes it") {
    generators::Fibonacci fib;
    std::vector<std::uint64_t> first;
    for (const std::uint64_t x : fib) {
        if (x > 10) break;
        first.push_back(x);
    }
    CHECK(first == std::vector<std::uint64_t>{0, 1, 1, 2, 3, 5, 8});
    // 13 was pulled by the loop that broke, so it is gone; the next loop starts at 21.
    CHECK(fib.next() == 21);
}

TEST_CASE("the range_for section prints the body's lines between the loop's") {
    SectionFixture f;
    sections::range_for(f.ctx);
    CHECK(f.log.lines() == Lines{
                               "[  0.000s] for (int x : count_up_to(3, log))   # Python: for x in count_up_to(3)",
                               "[  0.000s] count_up_to: started",
                               "[  0.000s] count_up_to: yield 0",
                               "[  0.000s]   x = 0",
                               "[  0.000s] count_up_to: yield 1",
                               "[  0.000s]   x = 1",
                               "[  0.000s] count_up_to: yield 2",
                               "[  0.000s]   x = 2",
                               "[  0.000s] count_up_to: finished",
                               "[  0.000s] the loop ends when next() returns nullopt: the iterator then equals end()",
                           });
}

TEST_CASE("the range_for section's timeline: the body runs before each pass of the loop's body") {
    SectionFixture f;
    sections::range_for(f.ctx);
    CHECK(drawn(f.timeline) == std::vector<std::string>{
                                   "loop: for 0..1",
                                   "count_up_to: 0 1..2",
                                   "loop: x = 2..3",
                                   "count_up_to: 1 3..4",
                                   "loop: x = 4..5",
                                   "count_up_to: 2 5..6",
                                   "loop: x = 6..7",
                                   "count_up_to: end 7..8",
                               });
}
