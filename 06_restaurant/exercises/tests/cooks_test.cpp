#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <vector>

#include "cooks.hpp"

namespace {

using Lines = std::vector<std::string>;

// All of an order's products at once, in a kitchen of `cooks` cooks.
aio::Coroutine<int> one_order(restaurant::Staff& staff, restaurant::Order order, int cooks) {
    aio::Semaphore kitchen(cooks);
    std::vector<aio::Coroutine<void>> requests;
    for (const restaurant::Product& product : order.products) {
        requests.push_back(exercises::request_product(staff, kitchen, 1, order.id, product));
    }
    co_await aio::gather(std::move(requests));
    co_return kitchen.value();
}

// One cook. Waiter 1 asks for a burger, waiter 2 for a soda; waiter 1's task is cancelled at 2 s,
// while the cook works on the burger.
aio::Coroutine<int> cancelled_burger(restaurant::Staff& staff) {
    aio::Semaphore kitchen(1);
    aio::Task<void> burger = aio::create_task(exercises::request_product(staff, kitchen, 1, 5, restaurant::burger));
    aio::Task<void> soda = aio::create_task(exercises::request_product(staff, kitchen, 2, 6, restaurant::soda));
    co_await aio::sleep(2.0);
    burger.cancel();
    co_await soda;
    CHECK(burger.cancelled());
    co_return kitchen.value();
}

}  // namespace

TEST_CASE("two cooks make order 1 in 11.5 s: two burgers first, then the beer and the frites") {
    SectionFixture f;
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    const int free_cooks = aio::run(one_order(staff, restaurant::todays_orders()[1], 2), {.clock = &f.clock});
    CHECK(f.clock.now() == 11.5);
    CHECK(free_cooks == 2);
    CHECK(f.log.lines() == Lines{
                               "12:00:00 <Waiter 1> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:00 <Waiter 1> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:07 <Waiter 1> [Order 1] Done burger",
                               "12:00:07 <Waiter 1> [Order 1] Done burger",
                               "12:00:07 <Waiter 1> [Order 1] Request beer. Wait 1.2 s...",
                               "12:00:07 <Waiter 1> [Order 1] Request frites. Wait 4 s...",
                               "12:00:08 <Waiter 1> [Order 1] Done beer",
                               "12:00:11 <Waiter 1> [Order 1] Done frites",
                           });
}

TEST_CASE("one cook makes order 1 in 20.2 s, one product after the other, in the order asked") {
    SectionFixture f;
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    const int free_cooks = aio::run(one_order(staff, restaurant::todays_orders()[1], 1), {.clock = &f.clock});
    CHECK(f.clock.now() == 20.2);
    CHECK(free_cooks == 1);
    CHECK(f.log.lines() == Lines{
                               "12:00:00 <Waiter 1> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:07 <Waiter 1> [Order 1] Done burger",
                               "12:00:07 <Waiter 1> [Order 1] Request burger. Wait 7.5 s...",
                               "12:00:15 <Waiter 1> [Order 1] Done burger",
                               "12:00:15 <Waiter 1> [Order 1] Request beer. Wait 1.2 s...",
                               "12:00:16 <Waiter 1> [Order 1] Done beer",
                               "12:00:16 <Waiter 1> [Order 1] Request frites. Wait 4 s...",
                               "12:00:20 <Waiter 1> [Order 1] Done frites",
                           });
}

TEST_CASE("a task cancelled while its cook works frees the cook at once: the soda waiting for him starts at 2 s") {
    SectionFixture f;
    restaurant::Staff staff{f.clock, f.log, f.timeline, ""};
    const int free_cooks = aio::run(cancelled_burger(staff), {.clock = &f.clock});
    CHECK(f.clock.now() == 3.0);
    CHECK(free_cooks == 1);
    CHECK(f.log.lines() == Lines{
                               "12:00:00 <Waiter 1> [Order 5] Request burger. Wait 7.5 s...",
                               "12:00:02 <Waiter 2> [Order 6] Request soda. Wait 1 s...",
                               "12:00:03 <Waiter 2> [Order 6] Done soda",
                           });
}
