#include "sections.hpp"

int main(int argc, char** argv) {
    common::Lesson lesson{"06_restaurant", "the restaurant: sync, threads, async, and the course's finale"};
    lesson.section("sync", "two blocking waiters called in turn: 43.8 s, and waiter 2 never works", sections::sync);
    int waiters = 2;
    lesson.flags().add("waiters", 'w', "how many waiters the threads and queue sections start (default 2)", waiters, 1,
                       1000);
    lesson.section("threads", "one thread per waiter, one shared order queue: 23.6 s, not twice as fast",
                   [&waiters](common::Context& ctx) { sections::threads(ctx, waiters); });
    lesson.section("async", "one asynchronous waiter requests everything at once: 7.5 s", sections::async);
    int cooks = 2;
    lesson.flags().add("cooks", 'c', "how many cooks the queue section's kitchen has, 0 for no limit (default 2)",
                       cooks, 0, 1000);
    lesson.section("queue", "waiter tasks take orders from an aio::Queue, cooks are a semaphore: a table of totals",
                   [&waiters, &cooks](common::Context& ctx) { sections::queue(ctx, waiters, cooks); });
    int times = 1'000'000;
    lesson.flags().add("times", '\0', "deposits and withdrawals per thread in the balance section (default 1000000)",
                       times, 1, 100'000'000);
    lesson.section("balance", "two threads update one balance: a lost update, then two fixes",
                   [&times](common::Context& ctx) { sections::balance(ctx, times); });
    lesson.section("latency", "the latency numbers scaled by 1e9: why the waiter must never stand still",
                   sections::latency);
    lesson.section("finale", "the three restaurants side by side, and what they add up to", sections::finale,
                   common::SectionOptions{.default_speed = 10.0, .story_seconds = 43.8 + 23.6 + 7.5});
    return lesson.run(argc, argv);
}
