#include "sections.hpp"

int main(int argc, char** argv) {
    common::Lesson lesson{"01_generators", "lazy sequences as hand-written state machines"};
    lesson.section("counter", "a generator is an object: calling it runs nothing, next() runs to the next yield",
                   sections::counter);
    return lesson.run(argc, argv);
}
