#include "course_test.hpp"

#include "grep.hpp"
#include "number_lines.hpp"
#include "pipeline.hpp"
#include "printer.hpp"

using Lines = std::vector<std::string>;

TEST_CASE("number_lines numbers each line from 1 and passes it on") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::Printer sink(log);
    exercises::NumberLines numbers(sink);
    sink.next();
    numbers.next();
    numbers.send("alpha");
    numbers.send("beta");
    CHECK(log.lines() == Lines{"[  0.000s] printer: 1: alpha", "[  0.000s] printer: 2: beta"});
}

TEST_CASE("priming number_lines passes nothing on and counts nothing") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::Printer sink(log);
    exercises::NumberLines numbers(sink);
    sink.next();
    numbers.next();
    CHECK(log.lines().empty());
    numbers.send("first");
    CHECK(log.lines() == Lines{"[  0.000s] printer: 1: first"});
}

TEST_CASE("in a chain, number_lines counts only what reaches it, and closing it closes its target") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::Printer sink(log);
    exercises::NumberLines numbers(sink);
    coroutines::Grep grep("an", numbers);
    sink.next();
    numbers.next();
    grep.next();
    coroutines::send_lines({"banana", "cherry", "mango", "kiwi"}, grep);
    CHECK(numbers.finished());
    CHECK(sink.finished());
    CHECK(log.lines() == Lines{"[  0.000s] printer: 1: banana", "[  0.000s] printer: 2: mango",
                               "[  0.000s] printer: closed after 2 lines"});
}
