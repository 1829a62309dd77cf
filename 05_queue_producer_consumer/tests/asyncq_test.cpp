// Section "asyncq" prints, line for line, what Real Python's asyncq.py prints on a virtual-time
// asyncio loop (tests/asyncq.py wrote the files in tests/asyncq_expected/). tests/compare_asyncq.sh
// compares 180 runs against the Python program itself.
#include "course_test.hpp"

#include <fstream>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "section_fixture.hpp"
#include "sections.hpp"

namespace {

std::vector<std::string> expected_lines(const sections::AsyncqOptions& options) {
    const std::string path =
        fmt::format("{}/p{}_c{}_seed{}.txt", ASYNCQ_EXPECTED_DIR, options.nprod, options.ncon, options.seed);
    std::ifstream file(path);
    REQUIRE_MESSAGE(file.good(), "cannot read " << path);
    std::vector<std::string> lines;
    for (std::string line; std::getline(file, line);) lines.push_back(line);
    return lines;
}

// "[  4.000s] Producer 0 sleeping for 4 seconds." -> "Producer 0 sleeping for 4 seconds."
std::vector<std::string> without_timestamps(const std::vector<std::string>& lines) {
    std::vector<std::string> bare;
    for (const std::string& line : lines) bare.push_back(line.substr(line.find("] ") + 2));
    return bare;
}

}  // namespace

TEST_CASE("asyncq prints the lines asyncq.py prints on a virtual-time asyncio loop, in the same order") {
    const std::vector<sections::AsyncqOptions> runs = {
        {.nprod = 5, .ncon = 10, .seed = 444}, {.nprod = 1, .ncon = 1, .seed = 444},
        {.nprod = 10, .ncon = 3, .seed = 444}, {.nprod = 2, .ncon = 4, .seed = 1},
        {.nprod = 20, .ncon = 20, .seed = 7},
    };
    for (const sections::AsyncqOptions& options : runs) {
        CAPTURE(options.nprod);
        CAPTURE(options.ncon);
        CAPTURE(options.seed);
        const std::vector<std::string> lines =
            run_section([&options](common::Context& ctx) { sections::asyncq(ctx, options); });
        CHECK(without_timestamps(lines) == expected_lines(options));
    }
}

TEST_CASE("asyncq's story: the default run ends after 40 s, each line stamped with its story time") {
    const std::vector<std::string> lines =
        run_section([](common::Context& ctx) { sections::asyncq(ctx, sections::AsyncqOptions{}); });
    REQUIRE(lines.size() == 91);
    CHECK(lines.front() == "[  0.000s] Producer 0 sleeping for 4 seconds.");
    CHECK(lines.back() == "[ 40.000s] Program completed in 40.00000 seconds.");
}
