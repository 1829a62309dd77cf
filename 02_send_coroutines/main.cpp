#include "sections.hpp"

int main(int argc, char** argv) {
    common::Lesson lesson{"02_send_coroutines", "two-way generators, round-robin, and greenlets"};
    lesson.section("greenlet", "two greenlets sleep and switch: 4 s, not 2 s, because switching is not waiting",
                   sections::greenlet_switch);
    return lesson.run(argc, argv);
}
