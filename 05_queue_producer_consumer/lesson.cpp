#include "lesson.hpp"

QueueLesson::QueueLesson() {
    common::Flags& flags = lesson_.flags();
    flags.add("nprod", 'p', "asyncq: how many producers (default 5)", asyncq_.nprod, 0, 10'000);
    flags.add("ncon", 'c', "asyncq: how many consumers (default 10; at least 1, or join() waits forever)", asyncq_.ncon,
              1, 10'000);
    flags.add("seed", '\0', "asyncq: random.seed(N) (default 444, as the original)", asyncq_.seed);
    flags.add("maxsize", '\0', "asyncq: the queue's bound, 0 for none (default 0, as the original)", asyncq_.maxsize, 0,
              1'000'000);
    lesson_.section("asyncq", "Real Python's asyncq.py: producers, consumers, join, then cancel",
                    [this](common::Context& ctx) { sections::asyncq(ctx, asyncq_); });
    lesson_.section("stopping", "telling consumers to stop: join + cancel, a sentinel, shutdown()", sections::stopping);
    lesson_.section("backpressure", "a fast producer, a slow consumer: what maxsize buys", sections::backpressure);
    lesson_.section("pipeline", "fetch -> parse -> store through queues: where the bottleneck is", sections::pipeline);
    lesson_.section("lock", "a lost update between two awaits, in one thread, and the Lock that fixes it",
                    sections::lock);
    lesson_.section("event", "an Event starts four tasks in the same turn", sections::event);
    lesson_.section("semaphore", "a Semaphore caps concurrent downloads at 3", sections::semaphore);
}
