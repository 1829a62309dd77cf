#include "course_test.hpp"

#include <sstream>

#include "common/timeline.hpp"
#include "common/turns.hpp"

TEST_CASE("a disabled timeline records nothing") {
    common::Timeline timeline;
    timeline.span("Task 1", "sleep", 0, 1);
    timeline.instant("Task 1", "done", 1);
    CHECK(timeline.events().empty());
}

TEST_CASE("the Gantt chart has one row per lane, in order of first appearance, and a time axis") {
    common::Timeline timeline(true);
    timeline.span("Task 1", "sleep 1s", 0.0, 1.0);
    timeline.span("Task 2", "sleep 2s", 0.0, 2.0);
    timeline.instant("Task 1", "done", 1.0);
    const std::string chart = timeline.render(40);
    // 40 columns: 6 for the lane names, 3 for " | ", 31 for 2 s: one column is 2/31 s.
    const std::string expected =
        "       | 0 .. 2s, one column = 64.516ms\n"
        "Task 1 | [sleep 1s======|               \n"
        "Task 2 | [sleep 2s=====================]\n"
        "       +-+------+-------+-------+------+\n"
        "         0s     500ms   1s      1.5s  2s\n";
    CHECK(chart == expected);
    for (std::size_t start = 0, end; (end = chart.find('\n', start)) != std::string::npos; start = end + 1) {
        CHECK(end - start <= 41);
    }
}

TEST_CASE("the chart fits 80 columns for long stories and long lane names") {
    common::Timeline timeline(true);
    timeline.span("a very long lane name indeed", "x", 0, 43200);
    timeline.span("master", "move", 0, 5);
    const std::string chart = timeline.render();
    for (std::size_t start = 0, end; (end = chart.find('\n', start)) != std::string::npos; start = end + 1) {
        CHECK(end - start <= 80);
    }
    CHECK(chart.find("12h") != std::string::npos);
}

TEST_CASE("a story too short to have tick steps still renders, with one tick at 0") {
    common::Timeline timeline(true);
    timeline.span("blink", "x", 0.0, 1e-320);  // subnormal: the tick step underflows to 0
    const std::string chart = timeline.render(40);
    CHECK(chart.find("blink | ") != std::string::npos);
    CHECK(chart.find("+--") != std::string::npos);
}

TEST_CASE("trace events are JSON with escaped names, microsecond times and one thread per lane") {
    common::Timeline timeline(true);
    timeline.span("Task \"1\"", "say \\ hi\n", 0.5, 1.5);
    timeline.instant("loop", "tick", 2.0);
    std::ostringstream out;
    timeline.write_trace_events(out, 3, "hello");
    CHECK(out.str() == R"({"name":"process_name","ph":"M","pid":3,"tid":0,"args":{"name":"hello"}},)"
                       "\n"
                       R"({"name":"thread_name","ph":"M","pid":3,"tid":1,"args":{"name":"Task \"1\""}},)"
                       "\n"
                       R"({"name":"thread_sort_index","ph":"M","pid":3,"tid":1,"args":{"sort_index":0}},)"
                       "\n"
                       R"({"name":"thread_name","ph":"M","pid":3,"tid":2,"args":{"name":"loop"}},)"
                       "\n"
                       R"({"name":"thread_sort_index","ph":"M","pid":3,"tid":2,"args":{"sort_index":1}},)"
                       "\n"
                       R"({"name":"say \\ hi\n","ph":"X","ts":500000.000,"dur":1000000.000,"pid":3,"tid":1},)"
                       "\n"
                       R"({"name":"tick","ph":"i","s":"t","ts":2000000.000,"pid":3,"tid":2})");
    CHECK(common::json_escape(std::string("a\x01z")) == "a\\u0001z");
}

TEST_CASE("Turns gives each turn whole columns of its own, on an axis that counts turns instead of seconds") {
    common::Timeline timeline(true);
    common::Turns turns(timeline);
    turns.run("caller", "next");
    turns.run("gen", "0");
    turns.run("caller", "next");
    turns.run("gen", "end");
    CHECK(timeline.unit() == "turn");
    // 31 columns for 4 turns: 7 each, the even share, since every label fits in 7.
    const std::string expected =
        "       | 0 .. 4 turns, one [...] per turn\n"
        "caller | [next=]       [next=]       \n"
        "   gen |        [0====]       [end==]\n"
        "       +-+------+------+------+-----+\n"
        "         0      1      2      3     4\n";
    CHECK(timeline.render(40) == expected);
}

TEST_CASE("two turns in a row of one lane never share a column, and a turn is as wide as its label") {
    common::Timeline timeline(true);
    common::Turns turns(timeline);
    turns.run("caller", "next");
    turns.run("caller", "next");
    turns.run("body", "a long label");
    // 20 columns: an even share of 6 would cut "a long label" (14 with its brackets), so each turn
    // takes what it needs instead: 6 + 6 + 14 = 26 > 20 still, so the widest gives way to a key.
    const std::string expected =
        "       | 0 .. 3 turns, one [...] per turn\n"
        "caller | [next][next]   \n"
        "  body |             [a]\n"
        "       +-+-----+-----+-+\n"
        "         0     1     2 3\n"
        "         a = a long label\n";
    CHECK(timeline.render(29) == expected);
}

TEST_CASE("a label that does not fit its bar is not cut: a key stands in, and the legend gives it") {
    common::Timeline timeline(true);
    timeline.span("cook", "make the whole list", 0.0, 1.0);
    timeline.span("cook", "make the whole list", 1.0, 2.0);
    timeline.span("cook", "serve", 2.0, 10.0);
    timeline.span("guest", "wait", 0.0, 10.0);
    // The two short bars share one key; the one that fits shows its label. Where one bar ends in
    // the column the next begins, the next one's "[" marks the change.
    const std::string expected =
        "      | 0 .. 10s, one column = 312.5ms\n"
        " cook | [a=[a=[serve===================]\n"
        "guest | [wait==========================]\n"
        "      +-+-----+-----+------+-----+-----+\n"
        "        0s    2s    4s     6s    8s  10s\n"
        "        a = make the whole list\n";
    CHECK(timeline.render(40) == expected);
}

TEST_CASE("the legend puts as many keys on a line as the width holds") {
    common::Timeline timeline(true);
    timeline.span("w", "a label of twenty chars", 0.0, 1.0);
    timeline.span("w", "another too-long label", 1.0, 2.0);
    timeline.span("w", "and a third long one!!", 2.0, 3.0);
    const std::string chart = timeline.render(60);
    const std::string legend = chart.substr(chart.rfind("s\n") + 2);  // after the axis labels
    CHECK(legend ==
          "    a = a label of twenty chars, b = another too-long label\n"
          "    c = and a third long one!!\n");
}

TEST_CASE("a timeline counted in turns says so in its trace: in the process name and in each event") {
    common::Timeline timeline(true);
    common::Turns turns(timeline);
    turns.run("caller", "next");
    std::ostringstream out;
    timeline.write_trace_events(out, 1, "counter");
    CHECK(
        out.str() ==
        R"json({"name":"process_name","ph":"M","pid":1,"tid":0,"args":{"name":"counter (counted in turns: each second shown is one turn)"}},)json"
        "\n"
        R"({"name":"thread_name","ph":"M","pid":1,"tid":1,"args":{"name":"caller"}},)"
        "\n"
        R"({"name":"thread_sort_index","ph":"M","pid":1,"tid":1,"args":{"sort_index":0}},)"
        "\n"
        R"({"name":"next","ph":"X","ts":0.000,"dur":1000000.000,"pid":1,"tid":1,"args":{"turn":"0 .. 1"}})");
}

TEST_CASE("a long count of turns ticks in whole, round numbers") {
    common::Timeline timeline(true);
    common::Turns turns(timeline);
    for (int i = 0; i < 40; ++i) turns.run(i % 2 == 0 ? "a" : "b", "x");
    const std::string chart = timeline.render(80);
    CHECK(chart.find("0 .. 40 turns") != std::string::npos);
    CHECK(chart.find("  0         ") != std::string::npos);
    CHECK(chart.find(" 10 ") != std::string::npos);
    CHECK(chart.find('.', chart.find("turn\n")) == std::string::npos);  // no fractional tick labels
}
