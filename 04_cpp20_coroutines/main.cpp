#include "sections.hpp"

int main(int argc, char** argv) {
    common::Lesson lesson{"04_cpp20_coroutines", "async/await on a real event loop"};
    lesson.section("generator", "the compiler writes chapter 01's state machine: co_yield", sections::generator);
    lesson.section("anatomy", "the anatomy of co_await: every call the compiler inserts, in order", sections::anatomy);
    return lesson.run(argc, argv);
}
