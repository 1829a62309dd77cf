#include "course_test.hpp"

#include <stdexcept>

#include "printer.hpp"
#include "running_total.hpp"
#include "send_generator.hpp"

using Lines = std::vector<std::string>;

TEST_CASE("send() before the first yield is refused with Python's reason, and runs nothing") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::RunningTotal gen(3, log);
    CHECK_THROWS_WITH_AS(gen.send(10), "can't send a value to a just-started generator", coroutines::SendError);
    CHECK(log.lines().empty());
    CHECK_FALSE(gen.started());
    CHECK(gen.next() == 0);  // the refused send did no harm: priming still works
}

TEST_CASE("send() to a finished generator is refused, while next() keeps answering nullopt") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::RunningTotal gen(1, log);
    CHECK(gen.next() == 0);
    CHECK(gen.send(4) == std::nullopt);
    CHECK(gen.finished());
    log.take_lines();
    CHECK_THROWS_WITH_AS(gen.send(7), "can't send a value to a finished generator", coroutines::SendError);
    CHECK(gen.next() == std::nullopt);
    CHECK(gen.next() == std::nullopt);
    CHECK(gen.total() == 4);
    CHECK(log.lines().empty());
}

namespace {
// A body that sends to itself: Python's "ValueError: generator already executing".
class SelfSender : public coroutines::SendGenerator<int, int> {
protected:
    std::optional<int> resume(std::optional<int> sent) override {
        if (!sent) return 0;
        return send(*sent + 1);
    }
};
}  // namespace

TEST_CASE("a generator cannot be resumed from inside its own body, and the error ends it") {
    SelfSender gen;
    CHECK(gen.next() == 0);
    CHECK_THROWS_WITH_AS(gen.send(1), "generator already executing", coroutines::SendError);
    CHECK(gen.finished());
    CHECK(gen.next() == std::nullopt);
}

namespace {
class Failing : public coroutines::SendGenerator<int, int> {
protected:
    std::optional<int> resume(std::optional<int> sent) override {
        if (sent) throw std::runtime_error("bad value " + std::to_string(*sent));
        return 1;
    }
};
}  // namespace

TEST_CASE("an exception escaping the body reaches the caller of send() and finishes the generator") {
    Failing gen;
    CHECK(gen.next() == 1);
    CHECK_THROWS_WITH_AS(gen.send(3), "bad value 3", std::runtime_error);
    CHECK(gen.finished());
    CHECK_THROWS_WITH_AS(gen.send(4), "can't send a value to a finished generator", coroutines::SendError);
}

TEST_CASE("close() on a started generator runs its cleanup once, on a just-started one, none") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::Printer never_started(log);
    never_started.close();
    CHECK(never_started.finished());
    CHECK(log.lines().empty());

    coroutines::Printer printer(log);
    printer.next();
    printer.send("one line");
    printer.close();
    printer.close();
    CHECK(printer.finished());
    CHECK(log.lines() == Lines{"[  0.000s] printer: one line", "[  0.000s] printer: closed after 1 lines"});
    CHECK_THROWS_WITH_AS(printer.send("late"), "can't send a value to a finished generator", coroutines::SendError);
}
