#include "course_test.hpp"
#include "section_fixture.hpp"

#include "counter.hpp"
#include "sections.hpp"

TEST_CASE("creating a generator runs none of its body") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    generators::CountUpTo gen(3, log);
    CHECK(log.lines().empty());
}

TEST_CASE("each next() runs the body exactly up to the next yield, then nullopt for ever") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    generators::CountUpTo gen(2, log);
    CHECK(gen.next() == 0);
    CHECK(log.take_lines() ==
          std::vector<std::string>{"[  0.000s] count_up_to: started", "[  0.000s] count_up_to: yield 0"});
    CHECK(gen.next() == 1);
    CHECK(log.take_lines() == std::vector<std::string>{"[  0.000s] count_up_to: yield 1"});
    CHECK(gen.next() == std::nullopt);
    CHECK(log.take_lines() == std::vector<std::string>{"[  0.000s] count_up_to: finished"});
    CHECK(gen.next() == std::nullopt);
    CHECK(log.lines().empty());
}

TEST_CASE("the counter section prints the generator's story") {
    SectionFixture f;
    sections::counter(f.ctx);
    CHECK(f.log.lines() ==
          std::vector<std::string>{
              "[  0.000s] gen = count_up_to(3)   # nothing of the body runs yet",
              "[  0.000s] next(gen)",
              "[  0.000s] count_up_to: started",
              "[  0.000s] count_up_to: yield 0",
              "[  0.000s]   -> 0",
              "[  0.000s] next(gen)",
              "[  0.000s] count_up_to: yield 1",
              "[  0.000s]   -> 1",
              "[  0.000s] for the rest: while (auto x = gen.next())",
              "[  0.000s] count_up_to: yield 2",
              "[  0.000s]   -> 2",
              "[  0.000s] count_up_to: finished",
              "[  0.000s] exhausted: next() keeps returning nullopt (Python raises StopIteration)",
              "[  0.000s] next(gen) -> nullopt",
              "[  0.000s] gen = count_up_to(4)",
              "[  0.000s] next(gen)",
              "[  0.000s] count_up_to: started",
              "[  0.000s] count_up_to: yield 0",
              "[  0.000s]   -> 0",
              "[  0.000s] list(gen)                # to_vector(gen) drains gen itself, from where it stopped",
              "[  0.000s] count_up_to: yield 1",
              "[  0.000s] count_up_to: yield 2",
              "[  0.000s] count_up_to: yield 3",
              "[  0.000s] count_up_to: finished",
              "[  0.000s]   -> [1, 2, 3]: the rest, without the 0 that next() took",
          });
}

TEST_CASE("calling the generator function count_up_to() runs none of the body either") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    generators::CountUpTo gen = generators::count_up_to(1, log);
    CHECK(log.lines().empty());
    CHECK(gen.next() == 0);
    CHECK(log.take_lines() ==
          std::vector<std::string>{"[  0.000s] count_up_to: started", "[  0.000s] count_up_to: yield 0"});
}

TEST_CASE("two generators from one function keep separate frames") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    generators::CountUpTo a = generators::count_up_to(2, log);
    generators::CountUpTo b = generators::count_up_to(2, log);
    CHECK(a.next() == 0);
    CHECK(a.next() == 1);
    CHECK(b.next() == 0);
    CHECK(a.next() == std::nullopt);
    CHECK(b.next() == 1);
}

TEST_CASE("a copy of a generator goes on from where the original stood: both then hand out the same items") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    generators::CountUpTo gen = generators::count_up_to(3, log);
    CHECK(gen.next() == 0);
    generators::CountUpTo copy = gen;  // copies the frame: i and the resume point too
    log.take_lines();
    CHECK(copy.next() == 1);  // not 0: the copy does not start over
    CHECK(gen.next() == 1);   // and the original hands out the same 1 again
    CHECK(copy.next() == 2);
    CHECK(gen.next() == 2);
    CHECK(log.take_lines() ==
          std::vector<std::string>{"[  0.000s] count_up_to: yield 1", "[  0.000s] count_up_to: yield 1",
                                   "[  0.000s] count_up_to: yield 2", "[  0.000s] count_up_to: yield 2"});
}

TEST_CASE("count_up_to(0) starts and finishes on the first next(), yielding nothing") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    generators::CountUpTo gen = generators::count_up_to(0, log);
    CHECK(gen.next() == std::nullopt);
    CHECK(log.take_lines() ==
          std::vector<std::string>{"[  0.000s] count_up_to: started", "[  0.000s] count_up_to: finished"});
}

TEST_CASE("the counter section's timeline: caller and body take turns, and an exhausted body gets none") {
    SectionFixture f;
    sections::counter(f.ctx);
    CHECK(drawn(f.timeline) == std::vector<std::string>{
                                   "caller: next 0..1",
                                   "count_up_to: 0 1..2",
                                   "caller: next 2..3",
                                   "count_up_to: 1 3..4",
                                   "caller: next 4..5",
                                   "count_up_to: 2 5..6",
                                   "caller: next 6..7",
                                   "count_up_to: end 7..8",
                                   "caller: next 8..9",
                                   "caller: next 9..10",
                                   "count_up_to: 0 10..11",
                                   "caller: list 11..12",
                                   "count_up_to: 1 2 3 end 12..13",
                               });
    CHECK(f.timeline.unit() == "turn");
}
