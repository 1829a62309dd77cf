#include "sections.hpp"

int main(int argc, char** argv) {
    common::Lesson lesson{"05_queue_producer_consumer", "queues, producers and consumers, locks"};
    sections::AsyncqOptions asyncq;
    common::Flags& flags = lesson.flags();
    flags.add("nprod", 'p', "asyncq: how many producers (default 5)", asyncq.nprod, 0, 10'000);
    flags.add("ncon", 'c', "asyncq: how many consumers (default 10; at least 1, or join() waits forever)", asyncq.ncon,
              1, 10'000);
    flags.add("seed", '\0', "asyncq: random.seed(N) (default 444, as the original)", asyncq.seed);
    flags.add("maxsize", '\0', "asyncq: the queue's bound, 0 for none (default 0, as the original)", asyncq.maxsize, 0,
              1'000'000);
    lesson.section("asyncq", "Real Python's asyncq.py: producers, consumers, join, then cancel",
                   [&asyncq](common::Context& ctx) { sections::asyncq(ctx, asyncq); });
    lesson.section("stopping", "telling consumers to stop: join + cancel, a sentinel, shutdown()", sections::stopping);
    lesson.section("failing", "a consumer that fails before task_done(): join() waits for ever, and the fix",
                   sections::failing);
    lesson.section("backpressure", "a fast producer, a slow consumer: what maxsize buys", sections::backpressure);
    lesson.section("pipeline", "fetch -> parse -> store through queues: where the bottleneck is", sections::pipeline);
    lesson.section("lock", "a lost update between two awaits, in one thread, and the Lock that fixes it",
                   sections::lock);
    lesson.section("event", "an Event starts four tasks in the same turn", sections::event);
    lesson.section("semaphore", "a Semaphore caps concurrent downloads at 3", sections::semaphore);
    lesson.section("condition", "a Condition guards a shelf of 2 plates; BoundedSemaphore catches a double release",
                   sections::condition);
    return lesson.run(argc, argv);
}
