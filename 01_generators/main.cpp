#include <cstdint>

#include "sections.hpp"

int main(int argc, char** argv) {
    common::Lesson lesson{"01_generators", "lazy sequences as hand-written state machines"};
    int count = static_cast<int>(sections::default_count);
    lesson.flags().add("count", 'n', "how many squares the section 'eager' makes (default 10000000)", count, 0,
                       100'000'000);

    lesson.section("eager", "a whole vector against one item per next(): the memory each holds",
                   [&count](common::Context& ctx) { sections::eager(ctx, count); });
    lesson.section("first_value", "a slow source: eager makes you wait for all, lazy for one", sections::first_value);
    lesson.section("counter", "a generator is an object: calling it runs nothing, next() runs to the next yield",
                   sections::counter);
    lesson.section("range_for", "for-in over a generator: begin() and end() around next()", sections::range_for);
    lesson.section("pipeline", "take, filter and map stay lazy: an endless fibonacci() consumed by take()",
                   sections::pipeline);
    lesson.section("tatham", "the same generator with Simon Tatham's switch trick, and why C++20 retires it",
                   sections::tatham);
    return lesson.run(argc, argv);
}
