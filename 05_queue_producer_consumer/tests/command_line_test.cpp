// The chapter binary's command line: asyncq's flags, and one clear line and status 2 for bad input.
#include "course_test.hpp"

#include <cstdio>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lesson.hpp"

namespace {

struct Outcome {
    int status;
    std::string out;
    std::string err;
};

std::string read_all(std::FILE* file) {
    std::rewind(file);
    std::string text;
    for (int c = std::fgetc(file); c != EOF; c = std::fgetc(file)) text += static_cast<char>(c);
    return text;
}

Outcome run(const std::vector<std::string_view>& args) {
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::tmpfile(), std::fclose);
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> err(std::tmpfile(), std::fclose);
    QueueLesson chapter;
    const int status = chapter.lesson().run(args, out.get(), err.get());
    return {status, read_all(out.get()), read_all(err.get())};
}

}  // namespace

TEST_CASE("bad values of asyncq's flags: one line on stderr, status 2, nothing run") {
    const std::vector<std::pair<std::vector<std::string_view>, std::string>> cases = {
        {{"-p", "-1"}, "05_queue_producer_consumer: --nprod: must be at least 0, got -1\n"},
        {{"-c", "x"}, "05_queue_producer_consumer: --ncon: 'x' is not a whole number\n"},
        {{"--maxsize", "-5"}, "05_queue_producer_consumer: --maxsize: must be at least 0, got -5\n"},
        {{"-c", "0"}, "05_queue_producer_consumer: --ncon: must be at least 1, got 0\n"},
    };
    for (const auto& bad : cases) {  // not a structured binding: clang 14 cannot capture one (CAPTURE)
        const std::string& line = bad.second;
        CAPTURE(line);
        const Outcome outcome = run(bad.first);
        CHECK(outcome.status == 2);
        CHECK(outcome.err == line);
        CHECK(outcome.out.empty());
    }
}

TEST_CASE("asyncq takes -p, -c and --seed, as asyncq.py does, and ends with the program's last line") {
    const Outcome outcome = run({"--virtual", "-p", "1", "-c", "1", "--seed", "444", "asyncq"});
    CHECK(outcome.status == 0);
    CHECK(outcome.out.find("Program completed in 25.00000 seconds.\n") != std::string::npos);
}
