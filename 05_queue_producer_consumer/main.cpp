#include "lesson.hpp"

int main(int argc, char** argv) {
    QueueLesson chapter;
    return chapter.lesson().run(argc, argv);
}
