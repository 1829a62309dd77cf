#include "course_test.hpp"

#include "common/log.hpp"

TEST_CASE("a captured log line starts with the story time") {
    common::VirtualClock clock;
    auto log = common::Log::capturing(clock);
    log.print("<Waiter {}> [Order {}] Done {}", 1, 0, "burger");
    clock.sleep_for(7.5);
    log.print(common::actor_style(2), "coloured only on a terminal");
    log.plain("a table row");
    CHECK(log.lines() == std::vector<std::string>{
                             "[  0.000s] <Waiter 1> [Order 0] Done burger",
                             "[  7.500s] coloured only on a terminal",
                             "a table row",
                         });
    CHECK(log.take_lines().size() == 3);
    CHECK(log.lines().empty());
}

TEST_CASE("colour is off when NO_COLOR is set or the output is not a terminal") {
    common::VirtualClock clock;
    std::FILE* file = std::tmpfile();
    REQUIRE(file != nullptr);
    CHECK_FALSE(common::Log(clock, file).coloured());
    CHECK(common::Log(clock, file, common::Log::Colour::always).coloured());
    std::fclose(file);
}

TEST_CASE("the timestamp keeps its width up to 999 s and grows after") {
    CHECK(common::timestamp(0) == "[  0.000s] ");
    CHECK(common::timestamp(123.4567) == "[123.457s] ");
    CHECK(common::timestamp(43200) == "[43200.000s] ");
}
