// Huge delays on the real clock: the loop waits (it does not spin), and nothing overflows.
// No timing is asserted: the loop's turn count shows whether it slept or spun.
#include "course_test.hpp"

#include <chrono>
#include <limits>
#include <thread>

#include "aio/aio.hpp"

namespace {

aio::Coroutine<void> sleep_for_ages(double seconds) { co_await aio::sleep(seconds); }

}  // namespace

TEST_CASE("an idle real-time loop whose earliest timer is 1e10 s, DBL_MAX or inf away sleeps instead of spinning") {
    for (const double seconds : {1e10, std::numeric_limits<double>::max(), std::numeric_limits<double>::infinity()}) {
        CAPTURE(seconds);
        aio::EventLoop loop;  // the real clock
        const aio::Task<void> sleeper = loop.create_task(sleep_for_ages(seconds));
        loop.call_soon([] {});  // the sleeper's first step and this run in turn 1
        std::thread other([&loop] {
            std::this_thread::sleep_for(std::chrono::milliseconds(20));  // give a spinning loop time to show
            loop.call_soon_threadsafe([&loop] { loop.stop(); });
        });
        loop.run_forever();
        other.join();
        CHECK(loop.iterations() <= 3);  // turn 1, then one wait ended by the other thread
        CHECK_FALSE(sleeper.done());
    }
}
