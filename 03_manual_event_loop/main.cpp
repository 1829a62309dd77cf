#include "sections.hpp"

int main(int argc, char** argv) {
    common::Lesson lesson{"03_manual_event_loop", "a hand-rolled event loop: from busy polling to a timer heap"};
    lesson.section("sequential", "three blocking sleeps of 3 s take 9 s", sections::sequential);
    lesson.section("polling", "10 polled tasks of 3 s finish in 3 s, and the busy loop burns CPU all the while",
                   sections::polling);
    lesson.section("generators", "a busy loop steps generator-style tasks and collects their results",
                   sections::generators);
    lesson.section("timer_heap", "the same tasks on a ready queue and a timer heap: the CPU rests",
                   sections::timer_heap);
    lesson.section("chess_sync", "the chess exhibition, one board at a time: 12 h", sections::chess_sync,
                   common::SectionOptions{.default_speed = 720.0, .story_seconds = 12 * 3600.0});
    lesson.section("chess_async", "the chess exhibition on the timer loop: 1 h", sections::chess_async,
                   common::SectionOptions{.default_speed = 60.0, .story_seconds = 3655.0});
    lesson.section("hub", "a gevent-like hub over greenlets: two tasks that sleep 2 s each take 2 s, not 4 s",
                   sections::hub);
    lesson.section("hub_unpatched", "the same tasks with a blocking sleep: 4 s again, hence monkey-patching",
                   sections::hub_unpatched);
    return lesson.run(argc, argv);
}
