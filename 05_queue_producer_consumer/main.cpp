#include "sections.hpp"

int main(int argc, char** argv) {
    common::Lesson lesson{"05_queue_producer_consumer", "queues, producers and consumers, locks"};
    sections::AsyncqOptions asyncq;
    lesson.flags().add("nprod", 'p', "asyncq: how many producers (default 5)", asyncq.nprod, 0, 10'000);
    lesson.flags().add("ncon", 'c', "asyncq: how many consumers (default 10; at least 1, or join() waits forever)",
                       asyncq.ncon, 1, 10'000);
    lesson.flags().add("seed", '\0', "asyncq: random.seed(N) (default 444, as the original)", asyncq.seed);
    lesson.flags().add("maxsize", '\0', "asyncq: the queue's bound, 0 for none (default 0, as the original)",
                       asyncq.maxsize, 0, 1'000'000);
    lesson.section("asyncq", "Real Python's asyncq.py: producers, consumers, join, then cancel",
                   [&asyncq](common::Context& ctx) { sections::asyncq(ctx, asyncq); });
    return lesson.run(argc, argv);
}
