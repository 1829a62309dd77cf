// The lesson runner every chapter binary is made of: main.cpp registers named sections, and
// run() gives them the same interface everywhere (--list, --help, --virtual, --speed,
// --timeline, --trace FILE, chapter flags, section names; bad input: one line, exit 2).
#pragma once

#include <cstdio>
#include <functional>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "common/clock.hpp"
#include "common/flags.hpp"
#include "common/log.hpp"
#include "common/timeline.hpp"

namespace common {

// What a section runs with: a fresh clock starting at 0, a log on it, and a timeline.
struct Context {
    Clock& clock;
    Log& log;
    Timeline& timeline;
};

struct SectionOptions {
    // Stories much longer than a learner would wait (12 h of chess) run faster by default;
    // the section announces it, and --speed overrides it.
    double default_speed = 1.0;
    // How long the story lasts, in story seconds (0: not said). When set, the announcement says
    // how long the section will take in real time at the speed it runs at.
    double story_seconds = 0.0;
    // A section may take arguments after its name, as its original took them ("chain 9 6 3").
    // `arguments` is what --list shows ("[N...]"); `parse_arguments` checks and stores them, and
    // throws UsageError on bad ones. It is called with no arguments when none were given.
    std::string arguments{};
    std::function<void(const std::vector<std::string>&)> parse_arguments{};
};

class Lesson {
public:
    using Body = std::function<void(Context&)>;
    // A description computed when it is shown, after the flags are parsed ("1000 tasks ...").
    using Describe = std::function<std::string()>;

    Lesson(std::string program, std::string title);

    // Section names are lower case words joined by underscores ("timer_heap"); the command line
    // accepts hyphens too ("timer-heap").
    void section(std::string name, std::string description, Body body, SectionOptions options = {});
    void section(std::string name, Describe describe, Body body, SectionOptions options = {});
    // The chapter's own flags go here, next to the built-in ones.
    Flags& flags() noexcept { return flags_; }

    // Returns the exit status: 0, 1 when a section threw, 2 on bad input.
    int run(int argc, const char* const* argv);
    int run(const std::vector<std::string_view>& args, std::FILE* out = stdout, std::FILE* err = stderr);

private:
    struct Section {
        std::string name;
        Describe describe;
        Body body;
        SectionOptions options;
    };
    // A section to run, with the arguments that followed its name.
    struct Chosen {
        const Section* section;
        std::vector<std::string> arguments;
    };
    void print_help(std::FILE* out) const;
    void print_list(std::FILE* out) const;
    [[nodiscard]] const Section* find(std::string_view name) const;
    [[nodiscard]] std::vector<Chosen> select(const std::vector<std::string>& words) const;
    void announce_speed(const Section& section, double speed, std::FILE* out) const;

    std::string program_;
    std::string title_;
    std::vector<Section> sections_;
    Flags flags_;
    // Built-in flags, filled by parsing.
    bool help_ = false;
    bool list_ = false;
    bool virtual_ = false;
    bool timeline_ = false;
    double speed_ = std::numeric_limits<double>::quiet_NaN();  // NaN: not given
    std::string trace_path_;
};

}  // namespace common
