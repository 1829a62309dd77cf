#include "sections.hpp"

int main(int argc, char** argv) {
    common::Lesson lesson{"04_cpp20_coroutines", "async/await on a real event loop"};
    return lesson.run(argc, argv);
}
