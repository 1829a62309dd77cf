// What every *_bench program does around its measurements: read --json / --no-python, run its
// CPython twin (a script that prints one flat JSON object of numbers), and print the figures
// side by side, then, with --json, the C++ ones as one JSON line. 04_bench and 05_bench use it.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>

namespace common {

using BenchFigures = std::map<std::string, double>;

struct BenchRow {
    const char* key;     // the JSON key, in both programs
    const char* what;    // the table's first column
    const char* format;  // e.g. "{:.1f}"
};

struct BenchOptions {
    bool json = false;
    bool python = true;
};

// Reads the arguments. Returns -1 to go on, or the exit status to return at once (0 after
// --help, 2 after one line about a bad argument).
inline int parse_bench_options(std::string_view program, int argc, char** argv, BenchOptions& options) {
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--json") {
            options.json = true;
        } else if (arg == "--no-python") {
            options.python = false;
        } else if (arg == "--help" || arg == "-h") {
            fmt::print(
                "usage: {} [--json] [--no-python]\n"
                "  --json       also print the C++ figures as one JSON object on the last line\n"
                "  --no-python  skip the CPython asyncio column (bench/asyncio_bench.py)\n",
                program);
            return 0;
        } else {
            fmt::print(stderr, "{}: unknown argument '{}' (use --json, --no-python)\n", program, arg);
            return 2;
        }
    }
    return -1;
}

// Runs `command`, a twin program that prints one flat JSON object of numbers, and reads them;
// nothing if it cannot run.
inline BenchFigures run_twin(const std::string& command) {
    BenchFigures figures;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) return figures;
    std::string text;
    char buffer[4096];
    while (std::fgets(buffer, sizeof buffer, pipe.get()) != nullptr) text += buffer;
    std::size_t at = 0;
    while ((at = text.find('"', at)) != std::string::npos) {
        const std::size_t end = text.find('"', at + 1);
        if (end == std::string::npos) break;
        const std::size_t colon = text.find(':', end);
        if (colon == std::string::npos) break;
        figures[text.substr(at + 1, end - at - 1)] = std::strtod(text.c_str() + colon + 1, nullptr);
        at = text.find_first_of(",}", colon);
        if (at == std::string::npos) break;
    }
    return figures;
}

// Runs `python3 script --json`; nothing if python3 is not here.
inline BenchFigures run_python_twin(const std::string& script) {
    return run_twin(fmt::format("python3 '{}' --json 2>/dev/null", script));
}

// A column of figures next to the C++ ones: a twin's, "-" where it has no figure for a row.
struct BenchColumn {
    std::string_view name;
    const BenchFigures& figures;
};

// The table: the C++ figures, then each twin's. `width`: the first column's.
inline void print_bench_table(std::string_view title, std::size_t width, const std::vector<BenchRow>& rows,
                              const BenchFigures& cpp, const std::vector<BenchColumn>& twins) {
    std::string header = fmt::format("{:<{}} {:>12}", title, width, "aio (C++)");
    for (const BenchColumn& twin : twins) header += fmt::format(" {:>16}", twin.name);
    fmt::print("{}\n", header);
    for (const BenchRow& row : rows) {
        std::string line =
            fmt::format("{:<{}} {:>12}", row.what, width, fmt::format(fmt::runtime(row.format), cpp.at(row.key)));
        for (const BenchColumn& twin : twins) {
            std::string theirs = "-";
            if (twin.figures.count(row.key) != 0)
                theirs = fmt::format(fmt::runtime(row.format), twin.figures.at(row.key));
            line += fmt::format(" {:>16}", theirs);
        }
        fmt::print("{}\n", line);
    }
}

// C++ and CPython side by side.
inline void print_bench_table(std::string_view title, std::size_t width, const std::vector<BenchRow>& rows,
                              const BenchFigures& cpp, const BenchFigures& python) {
    print_bench_table(title, width, rows, cpp, {BenchColumn{"CPython asyncio", python}});
}

// --json: the C++ figures as one JSON object, on the last line.
inline void print_bench_json(const std::vector<BenchRow>& rows, const BenchFigures& cpp) {
    std::string line = "{";
    for (const BenchRow& row : rows) {
        line += fmt::format("{}\"{}\": {:.4f}", line.size() > 1 ? ", " : "", row.key, cpp.at(row.key));
    }
    fmt::print("{}}}\n", line);
}

}  // namespace common
