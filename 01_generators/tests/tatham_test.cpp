#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include <fmt/format.h>

#include "sections.hpp"
#include "tatham_counter.hpp"
#include "to_vector.hpp"

using generators::TathamCountUpTo;

TEST_CASE("the switch-trick counter yields 0 .. stop-1, then nullopt for ever") {
    TathamCountUpTo gen(3);
    CHECK(gen.next() == 0);
    CHECK(gen.next() == 1);
    CHECK(gen.next() == 2);
    CHECK(gen.next() == std::nullopt);
    CHECK(gen.next() == std::nullopt);
    CHECK(generators::to_vector(TathamCountUpTo(5)) == std::vector<int>{0, 1, 2, 3, 4});
    CHECK(generators::to_vector(TathamCountUpTo(0)).empty());
}

TEST_CASE("the resume point is start, then the one yield line every time, then finished") {
    TathamCountUpTo gen(2);
    CHECK(gen.resume_line() == TathamCountUpTo::start);
    CHECK(gen.next() == 0);
    const int yield_line = gen.resume_line();
    CHECK(yield_line > 0);  // a real line of tatham_counter.hpp
    CHECK(gen.next() == 1);
    CHECK(gen.resume_line() == yield_line);
    CHECK(gen.next() == std::nullopt);
    CHECK(gen.resume_line() == TathamCountUpTo::finished);
}

TEST_CASE("two switch-trick counters keep separate frames") {
    TathamCountUpTo a(3);
    TathamCountUpTo b(3);
    CHECK(a.next() == 0);
    CHECK(a.next() == 1);
    CHECK(b.next() == 0);
    CHECK(a.next() == 2);
    CHECK(b.next() == 1);
}

TEST_CASE("the tatham section prints each value with the line it resumes at") {
    TathamCountUpTo probe(1);
    probe.next();
    const int line = probe.resume_line();

    SectionFixture f;
    sections::tatham(f.ctx);
    const std::string at = fmt::format("# resume_line {}: the yield's line is also its case label", line);
    CHECK(f.log.lines() == std::vector<std::string>{
                               "[  0.000s] gen = TathamCountUpTo(3)   # resume_line 0: start at the top",
                               "[  0.000s] next(gen) -> 0   " + at,
                               "[  0.000s] next(gen) -> 1   " + at,
                               "[  0.000s] next(gen) -> 2   " + at,
                               "[  0.000s] next(gen) -> nullopt   # resume_line -1: finished",
                               "",
                               "i lives in the object, not in next(): next() returns at every yield, and its locals",
                               "die when it returns (Tatham's C kept them static). The jump back in only forbids",
                               "skipping a declaration that initialises. C++20's co_yield makes the compiler write",
                               "this switch and the frame for you, locals included (chapter 04).",
                           });
}

TEST_CASE("the tatham section's timeline: the caller and the switch-trick body take turns") {
    SectionFixture f;
    sections::tatham(f.ctx);
    CHECK(drawn(f.timeline) == std::vector<std::string>{
                                   "caller: next 0..1",
                                   "TathamCountUpTo: 0 1..2",
                                   "caller: next 2..3",
                                   "TathamCountUpTo: 1 3..4",
                                   "caller: next 4..5",
                                   "TathamCountUpTo: 2 5..6",
                                   "caller: next 6..7",
                                   "TathamCountUpTo: end 7..8",
                               });
}
