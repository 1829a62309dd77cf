// The chapter's lesson: its sections, and asyncq's flags (-p/--nprod, -c/--ncon, --seed,
// --maxsize). main.cpp runs it on the command line; tests run it with arguments of their own.
#pragma once

#include "common/lesson.hpp"
#include "sections.hpp"

class QueueLesson {
public:
    QueueLesson();
    QueueLesson(const QueueLesson&) = delete;  // the flags point into asyncq_
    QueueLesson& operator=(const QueueLesson&) = delete;

    [[nodiscard]] common::Lesson& lesson() noexcept { return lesson_; }

private:
    sections::AsyncqOptions asyncq_;
    common::Lesson lesson_{"05_queue_producer_consumer", "queues, producers and consumers, locks"};
};
