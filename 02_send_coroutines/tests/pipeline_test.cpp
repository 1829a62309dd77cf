#include "course_test.hpp"

#include "grep.hpp"
#include "pipeline.hpp"
#include "printer.hpp"

using Lines = std::vector<std::string>;

TEST_CASE("grep passes on only the lines containing its pattern, in order") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::Printer sink(log);
    coroutines::Grep grep("cat", sink);
    sink.next();
    grep.next();
    CHECK(log.lines().empty());  // priming passes nothing on
    grep.send("a cat sat");
    grep.send("a dog ran");
    grep.send("concatenate");
    CHECK(sink.count() == 2);
    CHECK(log.lines() == Lines{"[  0.000s] printer: a cat sat", "[  0.000s] printer: concatenate"});
}

TEST_CASE("send_lines pushes every line, then closes the chain from the source to the sink") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::Printer sink(log);
    coroutines::Grep grep("4", sink);
    sink.next();
    grep.next();
    coroutines::send_lines({"404", "200", "500", "401"}, grep);
    CHECK(grep.finished());
    CHECK(sink.finished());
    CHECK(log.lines() ==
          Lines{"[  0.000s] printer: 404", "[  0.000s] printer: 401", "[  0.000s] printer: closed after 2 lines"});
}

TEST_CASE("an unprimed stage refuses the first line") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    coroutines::Printer sink(log);
    CHECK_THROWS_WITH_AS(coroutines::send_lines({"x"}, sink), "can't send a value to a just-started generator",
                         coroutines::SendError);
    CHECK(log.lines().empty());
}
