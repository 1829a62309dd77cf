#include "sections.hpp"

int main(int argc, char** argv) {
    common::Lesson lesson{"02_send_coroutines", "two-way generators, round-robin, and greenlets"};
    lesson.section("send", "send() resumes a generator and hands its paused yield a value", sections::send);
    lesson.section("mycoro", "a coroutine that adds up the numbers it is sent: 35, then a float makes 36.5",
                   sections::mycoro);
    lesson.section("priming", "no send() before the first yield, nor after the last", sections::priming);
    lesson.section("pipeline", "source -> grep -> printer: coroutines that receive lines", sections::pipeline);
    lesson.section("round_robin", "three generator tasks run a step each in turn: the seed of an event loop",
                   sections::round_robin);
    lesson.section("greenlet", "two greenlets sleep and switch: 4 s, not 2 s, because switching is not waiting",
                   sections::greenlet_switch);
    lesson.section("greenlet_error", "an exception escaping a greenlet comes out of switch_to() in its parent",
                   sections::greenlet_error);
    lesson.section("memory", "bytes per greenlet (its stack) vs bytes per generator object", sections::memory);
    return lesson.run(argc, argv);
}
