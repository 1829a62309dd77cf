#include "course_test.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

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
    CHECK(r.out == "== long: a long story\n(this section runs 3600x faster than real time; --speed 1 for real time)\n");
}

TEST_CASE("bad input is one line on stderr and status 2") {
    int count = 0;
    auto lesson = make_lesson(count);
    const std::vector<std::pair<std::vector<std::string_view>, std::string>> cases{
        {{"nosuch"}, "00_demo: unknown section 'nosuch' (--list shows them)\n"},
        {{"--bogus"}, "00_demo: unknown option '--bogus'\n"},
        {{"--speed", "abc"}, "00_demo: --speed: 'abc' is not a number\n"},
        {{"--speed", "0"}, "00_demo: --speed: must be from 0.001 to 1000000, got 0\n"},
        {{"--speed", "1e-12"}, "00_demo: --speed: must be from 0.001 to 1000000, got 1e-12\n"},
        {{"--speed", "1e7"}, "00_demo: --speed: must be from 0.001 to 1000000, got 10000000\n"},
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

TEST_CASE("--list and --help describe every section; chapter flags are parsed") {
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

TEST_CASE("--timeline draws the chart after the section; --trace writes one process per section") {
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
