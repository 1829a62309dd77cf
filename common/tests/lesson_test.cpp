#include "course_test.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include <fmt/format.h>

#include "common/lesson.hpp"

namespace {
// Runs a lesson with its output and errors captured.
struct Run {
    int status = -1;
    std::string out;
    std::string err;
};

std::string slurp(std::FILE* file) {
    std::fflush(file);
    std::rewind(file);
    std::string text;
    char buffer[4096];
    for (std::size_t n; (n = std::fread(buffer, 1, sizeof buffer, file)) > 0;) text.append(buffer, n);
    std::fclose(file);
    return text;
}

Run run(common::Lesson& lesson, std::vector<std::string_view> args) {
    std::FILE* out = std::tmpfile();
    std::FILE* err = std::tmpfile();
    Run result;
    result.status = lesson.run(args, out, err);
    result.out = slurp(out);
    result.err = slurp(err);
    return result;
}

common::Lesson make_lesson(int& count) {
    common::Lesson lesson("00_demo", "a demo lesson");
    lesson.flags().add("count", 'c', "how many", count, 0);
    lesson.section("hello", "say hello after a second", [](common::Context& ctx) {
        ctx.clock.sleep_for(1.0);
        ctx.log.print("hello");
        ctx.timeline.span("main", "sleep", 0.0, 1.0);
    });
    lesson.section("long", "a long story",
                   [](common::Context& ctx) {
                       ctx.clock.sleep_for(3600.0);
                       ctx.log.print("an hour later");
                   },
                   {.default_speed = 3600.0});
    lesson.section("fails", "throws", [](common::Context&) { throw std::runtime_error("broken"); });
    return lesson;
}
}  // namespace

TEST_CASE("a named section runs on virtual time with a header and exact timestamps") {
    int count = 0;
    auto lesson = make_lesson(count);
    const Run r = run(lesson, {"--virtual", "hello", "long"});
    CHECK(r.status == 0);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "== hello: say hello after a second\n"
          "[  1.000s] hello\n"
          "\n== long: a long story\n"
          "[3600.000s] an hour later\n");
}

TEST_CASE("a section with a default speed-up announces it in its first line") {
    common::Lesson lesson("00_demo", "demo");
    lesson.section("long", "a long story", [](common::Context& ctx) { ctx.clock.sleep_for(36.0); },
                   {.default_speed = 3600.0});
    const Run r = run(lesson, {"long"});
    CHECK(r.status == 0);
    CHECK(r.out ==
          "== long: a long story\n"
          "(this section runs 3600x faster than real time; --speed X runs it X times faster instead)\n");
}

TEST_CASE("a section that knows its story's length says how long it takes in real time, at any speed") {
    common::Lesson lesson("00_demo", "demo");
    lesson.section("long", "a long story", [](common::Context&) {}, {.default_speed = 720.0, .story_seconds = 43200});
    lesson.section("short", "a short story", [](common::Context&) {});
    CHECK(run(lesson, {"long"}).out ==
          "== long: a long story\n"
          "(this section runs 720x faster than real time, so its 12 h take 1 min of real time; "
          "--speed X runs it X times faster instead)\n");
    CHECK(run(lesson, {"--speed", "100", "long"}).out ==
          "== long: a long story\n"
          "(--speed 100: its 12 h take 7.2 min of real time)\n");
    CHECK(run(lesson, {"--speed", "1", "long"}).out ==
          "== long: a long story\n(--speed 1: its 12 h take 12 h of real time)\n");
    CHECK(run(lesson, {"--speed", "100", "short"}).out == "== short: a short story\n");
    CHECK(run(lesson, {"--virtual", "long"}).out == "== long: a long story\n");
}

TEST_CASE("paced by --speed, a section prints the story times --virtual prints") {
    common::Lesson lesson("00_demo", "demo");
    lesson.section("naps", "three naps", [](common::Context& ctx) {
        for (double nap : {0.25, 0.5, 1.0}) {
            ctx.clock.sleep_for(nap);
            ctx.log.print("woke at {}", ctx.clock.now());
        }
    });
    const Run virtual_run = run(lesson, {"--virtual"});
    CHECK(virtual_run.out ==
          "== naps: three naps\n"
          "[  0.250s] woke at 0.25\n"
          "[  0.750s] woke at 0.75\n"
          "[  1.750s] woke at 1.75\n");
    CHECK(run(lesson, {"--speed", "1000"}).out == virtual_run.out);
}

TEST_CASE("section names: hyphens are accepted for underscores, and a typo gets the closest name") {
    common::Lesson lesson("00_demo", "demo");
    lesson.section("timer_heap", "a heap", [](common::Context& ctx) { ctx.log.print("heap"); });
    lesson.section("polling", "polls", [](common::Context&) {});
    CHECK(run(lesson, {"--virtual", "timer-heap"}).out == "== timer_heap: a heap\n[  0.000s] heap\n");
    const Run typo = run(lesson, {"timer_hep"});
    CHECK(typo.status == 2);
    CHECK(typo.err == "00_demo: unknown section 'timer_hep'; the closest is 'timer_heap' (--list shows them all)\n");
    CHECK(run(lesson, {"pol"}).err ==
          "00_demo: unknown section 'pol'; the closest is 'polling' (--list shows them all)\n");
    CHECK_THROWS_AS(lesson.section("round-robin", "", [](common::Context&) {}), std::logic_error);
    CHECK_THROWS_AS(lesson.section("", "", [](common::Context&) {}), std::logic_error);
}

TEST_CASE("a word that starts several sections names them all") {
    common::Lesson lesson("00_demo", "demo");
    lesson.section("chess_sync", "one board at a time", [](common::Context&) {});
    lesson.section("chess_async", "every board at once", [](common::Context&) {});
    lesson.section("hub", "green threads", [](common::Context&) {});
    const Run chess = run(lesson, {"chess"});
    CHECK(chess.status == 2);
    CHECK(chess.err ==
          "00_demo: unknown section 'chess'; the closest are 'chess_sync' and 'chess_async' (--list shows them all)\n");
    lesson.section("nap_long", "a long nap", [](common::Context&) {});
    CHECK(run(lesson, {"long"}).err ==  // a whole word of the name counts too
          "00_demo: unknown section 'long'; the closest is 'nap_long' (--list shows them all)\n");
}

TEST_CASE("another chapter's section name says which chapter has it") {
    common::Lesson lesson("01_generators", "demo");
    lesson.section("pipeline", "adapters", [](common::Context&) {});
    const Run elsewhere = run(lesson, {"timer-heap"});
    CHECK(elsewhere.status == 2);
    CHECK(
        elsewhere.err ==
        "01_generators: unknown section 'timer-heap': it is a section of 03_manual_event_loop, not of 01_generators\n");
    // A word that is another chapter's section and the start of this one's names both.
    common::Lesson heaps("00_demo", "demo");
    heaps.section("timer_heap_demo", "", [](common::Context&) {});
    CHECK(run(heaps, {"timer_heap"}).err ==
          "00_demo: unknown section 'timer_heap': it is a section of "
          "03_manual_event_loop, not of 00_demo; here the closest is "
          "'timer_heap_demo'\n");
    // A name several chapters share, asked of a chapter without it, names them all.
    common::Lesson other("00_demo", "demo");
    other.section("nap", "", [](common::Context&) {});
    const std::string shared = run(other, {"pipeline"}).err;
    CHECK(shared.rfind("00_demo: unknown section 'pipeline': it is a section of 01_generators, 02_send_coroutines",
                       0) == 0);
    CHECK(shared.find(", not of 00_demo\n") != std::string::npos);
}

TEST_CASE("names after -- are sections, and a description can follow the flags") {
    int tasks = 10;
    common::Lesson lesson("00_demo", "demo");
    lesson.flags().add("tasks", '\0', "how many", tasks);
    lesson.section(
        "counter", [&tasks] { return fmt::format("{} tasks", tasks); }, [](common::Context&) {});
    CHECK(run(lesson, {"--virtual", "--", "counter"}).out == "== counter: 10 tasks\n");
    CHECK(run(lesson, {"--tasks", "3", "--list"}).out == "sections:\n  counter  3 tasks\n");
    CHECK(run(lesson, {"counter", "3"}).err == "00_demo: section 'counter' takes no arguments, got '3'\n");
}

TEST_CASE("a section that takes arguments gets the words after its name, and none when run with the rest") {
    std::vector<std::string> seen;
    common::Lesson lesson("00_demo", "demo");
    lesson.section("chain", "chains", [](common::Context&) {},
                   {.arguments = "[N...]", .parse_arguments = [&seen](const std::vector<std::string>& args) {
                        if (!args.empty() && args.front() == "bad") throw common::UsageError("chain: bad");
                        seen = args;
                    }});
    lesson.section("hello", "hi", [](common::Context&) {});
    CHECK(run(lesson, {"--virtual", "chain", "9", "6", "hello"}).status == 0);
    CHECK(seen == std::vector<std::string>{"9", "6"});
    CHECK(run(lesson, {"--virtual"}).status == 0);
    CHECK(seen.empty());
    const Run bad = run(lesson, {"chain", "bad"});
    CHECK(bad.status == 2);
    CHECK(bad.err == "00_demo: chain: bad\n");
    CHECK(run(lesson, {"--list"}).out == "sections:\n  chain [N...]  chains\n  hello         hi\n");
}

TEST_CASE("bad input is one line on stderr and status 2") {
    int count = 0;
    auto lesson = make_lesson(count);
    const std::vector<std::pair<std::vector<std::string_view>, std::string>> cases{
        {{"nosuch"}, "00_demo: unknown section 'nosuch'; the closest is 'long' (--list shows them all)\n"},
        {{"--bogus"}, "00_demo: unknown option '--bogus'\n"},
        {{"--speed", "abc"}, "00_demo: --speed: 'abc' is not a number\n"},
        {{"--speed", "0"}, "00_demo: --speed: 0 is out of range: it must be from 0.001 to 1000000\n"},
        {{"--speed", "1e-12"}, "00_demo: --speed: 1e-12 is out of range: it must be from 0.001 to 1000000\n"},
        {{"--speed", "1e7"}, "00_demo: --speed: 10000000 is out of range: it must be from 0.001 to 1000000\n"},
        {{"--speed", "inf"}, "00_demo: --speed: 'inf' is out of range\n"},
        {{"--speed", "1e400"}, "00_demo: --speed: '1e400' is out of range\n"},
        {{"--", "--virtual"}, "00_demo: unknown section '--virtual'; the closest is 'fails' (--list shows them all)\n"},
        {{"--speed"}, "00_demo: --speed: missing value\n"},
        {{"--count", "-3"}, "00_demo: --count: must be at least 0, got -3\n"},
        {{"--virtual", "--speed", "2"}, "00_demo: --speed and --virtual exclude each other\n"},
        {{"--trace", "/nonexistent-dir/x.json"}, "00_demo: --trace: cannot write '/nonexistent-dir/x.json'\n"},
    };
    for (const auto& bad : cases) {
        const std::string& message = bad.second;  // clang 14 cannot capture structured bindings
        CAPTURE(message);
        const Run r = run(lesson, bad.first);
        CHECK(r.status == 2);
        CHECK(r.out.empty());
        CHECK(r.err == message);
    }
}

TEST_CASE("--list and --help describe every section, chapter flags are parsed") {
    int count = 0;
    auto lesson = make_lesson(count);
    const Run list = run(lesson, {"--list"});
    CHECK(list.status == 0);
    CHECK(list.out ==
          "sections:\n"
          "  hello  say hello after a second\n"
          "  long   a long story\n"
          "  fails  throws\n");
    const Run help = run(lesson, {"--help"});
    CHECK(help.status == 0);
    CHECK(help.out.starts_with("00_demo: a demo lesson\n\nusage: 00_demo [options] [section...]\n"));
    CHECK(help.out.find("-c, --count X") != std::string::npos);
    CHECK(help.out.find("--virtual") != std::string::npos);
    CHECK(help.out.find("--trace FILE") != std::string::npos);
    CHECK(help.out.find(list.out) != std::string::npos);
    CHECK(run(lesson, {"-c", "4", "--virtual", "hello"}).status == 0);
    CHECK(count == 4);
}

TEST_CASE("a section that throws stops the run with status 1 and says which") {
    int count = 0;
    auto lesson = make_lesson(count);
    const Run r = run(lesson, {"--virtual", "fails", "hello"});
    CHECK(r.status == 1);
    CHECK(r.err == "00_demo: section 'fails' failed: broken\n");
    CHECK(r.out.find("hello") == std::string::npos);
}

TEST_CASE("--timeline draws the chart after the section, --trace writes one process per section") {
    int count = 0;
    auto lesson = make_lesson(count);
    const Run r = run(lesson, {"--virtual", "--timeline", "hello"});
    CHECK(r.status == 0);
    CHECK(r.out.find("main | [sleep") != std::string::npos);

    const std::string path = "lesson_test_trace.json";
    const Run traced = run(lesson, {"--virtual", "--trace", path, "hello", "hello"});
    CHECK(traced.status == 0);
    std::ifstream file(path);
    std::stringstream text;
    text << file.rdbuf();
    CHECK(text.str().starts_with("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n"));
    CHECK(text.str().ends_with("\n]}\n"));
    CHECK(text.str().find("\"pid\":1") != std::string::npos);
    CHECK(text.str().find("\"pid\":2") != std::string::npos);
    std::remove(path.c_str());
}
