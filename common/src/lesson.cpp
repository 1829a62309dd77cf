#include "common/lesson.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <exception>
#include <fstream>
#include <memory>
#include <sstream>

#include <fmt/format.h>

#include "common/closest_name.hpp"
#include "common/duration.hpp"

namespace common {

namespace {
constexpr double min_speed = 1e-3;  // a story second takes 17 real minutes
constexpr double max_speed = 1e6;   // a story day takes 86 real milliseconds

// The one spelling of a section name: hyphens become underscores ("round-robin" is "round_robin").
std::string canonical_name(std::string_view name) {
    std::string canonical(name);
    std::replace(canonical.begin(), canonical.end(), '-', '_');
    return canonical;
}

// Every section of the course, by chapter: the build reads them from each chapter's main.cpp.
struct CourseSection {
    std::string_view chapter;
    std::string_view section;
};
constexpr CourseSection course_sections[] = {
#include "course_sections.inc"
    {"", ""},  // keeps the array well-formed in a tree without chapters
};

// The chapters other than `program` that have a section called `name`.
std::vector<std::string_view> other_chapters_with(std::string_view name, std::string_view program) {
    std::vector<std::string_view> chapters;
    for (const CourseSection& s : course_sections) {
        if (!s.chapter.empty() && s.section == name && s.chapter != program) chapters.push_back(s.chapter);
    }
    return chapters;
}

// a; a and b; a, b and c: each name between `quote`s.
template <class Name>
std::string listed(const std::vector<Name>& names, std::string_view quote = "") {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
        out += fmt::format("{}{}{}", quote, names[i], quote);
    }
    return out;
}

// The sections a word is the start of, or a whole word of: "chess" -> chess_sync, chess_async.
std::vector<std::string> sections_containing(const std::string& word, const std::vector<std::string>& known) {
    std::vector<std::string> found;
    for (const std::string& name : known) {
        const std::string padded = "_" + name + "_";
        if (name.rfind(word, 0) == 0 || padded.find("_" + word + "_") != std::string::npos) found.push_back(name);
    }
    return found;
}
}  // namespace

Lesson::Lesson(std::string program, std::string title) : program_(std::move(program)), title_(std::move(title)) {
    flags_.add("help", 'h', "show this help and exit", help_);
    flags_.add("list", '\0', "list the sections and exit", list_);
    flags_.add("virtual", '\0', "run on virtual time: instant and exactly reproducible", virtual_);
    flags_.add("speed", '\0', "run time X times faster (0.5: slower); durations stay in story time", speed_);
    flags_.add("timeline", '\0', "after each section, draw what ran when", timeline_);
    flags_.add("trace", '\0', "write Chrome Trace Event JSON to FILE (open it in Perfetto)", trace_path_);
    flags_.set_value_name("trace", "FILE");
}

void Lesson::section(std::string name, std::string description, Body body, SectionOptions options) {
    section(
        std::move(name), [description = std::move(description)] { return description; }, std::move(body), options);
}

void Lesson::section(std::string name, Describe describe, Body body, SectionOptions options) {
    if (name.empty() || name != canonical_name(name)) {
        throw std::logic_error(fmt::format("section name '{}': words are joined by underscores", name));
    }
    sections_.push_back({std::move(name), std::move(describe), std::move(body), options});
}

int Lesson::run(int argc, const char* const* argv) {
    std::vector<std::string_view> args;
    for (int i = 1; i < argc; ++i) args.emplace_back(argv[i]);
    return run(args);
}

void Lesson::print_help(std::FILE* out) const {
    fmt::print(out, "{}: {}\n\nusage: {} [options] [section...]\n\n", program_, title_, program_);
    fmt::print(out, "Runs every section in order, or only the sections named.\n\noptions:\n{}\n", flags_.help());
    print_list(out);
}

void Lesson::print_list(std::FILE* out) const {
    std::size_t width = 0;
    const auto usage = [](const Section& s) {
        return s.options.arguments.empty() ? s.name : s.name + " " + s.options.arguments;
    };
    for (const Section& s : sections_) width = std::max(width, usage(s).size());
    fmt::print(out, "sections:\n");
    for (const Section& s : sections_) fmt::print(out, "  {:<{}}  {}\n", usage(s), width, s.describe());
}

const Lesson::Section* Lesson::find(std::string_view name) const {
    const std::string wanted = canonical_name(name);
    const auto found =
        std::find_if(sections_.begin(), sections_.end(), [&](const Section& s) { return s.name == wanted; });
    return found == sections_.end() ? nullptr : &*found;
}

// Words are section names, each followed by its arguments if it takes any ("chain 9 6 3 hello").
std::vector<Lesson::Chosen> Lesson::select(const std::vector<std::string>& words) const {
    std::vector<Chosen> chosen;
    if (words.empty()) {
        for (const Section& s : sections_) chosen.push_back({&s, {}});
    }
    for (const std::string& word : words) {
        if (const Section* section = find(word)) {
            chosen.push_back({section, {}});
        } else if (!chosen.empty() && chosen.back().section->options.parse_arguments) {
            chosen.back().arguments.push_back(word);
        } else if (!chosen.empty() && !word.empty() && (std::isdigit(static_cast<unsigned char>(word[0])) != 0)) {
            throw UsageError(
                fmt::format("section '{}' takes no arguments, got '{}'", chosen.back().section->name, word));
        } else {
            std::vector<std::string> known;
            for (const Section& s : sections_) known.push_back(s.name);
            const std::string wanted = canonical_name(word);
            std::vector<std::string> closest =
                wanted.empty() ? std::vector<std::string>{} : sections_containing(wanted, known);
            const std::vector<std::string_view> elsewhere = other_chapters_with(wanted, program_);
            if (!elsewhere.empty()) {
                const std::string here = closest.empty()
                                             ? std::string()
                                             : fmt::format("; here the closest {} {}",
                                                           closest.size() == 1 ? "is" : "are", listed(closest, "'"));
                throw UsageError(fmt::format("unknown section '{}': it is a section of {}, not of {}{}", word,
                                             listed(elsewhere), program_, here));
            }
            if (known.empty()) throw UsageError(fmt::format("unknown section '{}': this lesson has none", word));
            if (closest.empty()) closest.push_back(closest_name(wanted, known));
            throw UsageError(fmt::format("unknown section '{}'; the closest {} {} (--list shows them all)", word,
                                         closest.size() == 1 ? "is" : "are", listed(closest, "'")));
        }
    }
    for (const Chosen& c : chosen) {
        if (c.section->options.parse_arguments) c.section->options.parse_arguments(c.arguments);
    }
    return chosen;
}

// Says how fast the section runs whenever that is not real time by default, and, when the
// section knows its story's length, how long the learner will wait for it.
void Lesson::announce_speed(const Section& section, double speed, std::FILE* out) const {
    const double story = section.options.story_seconds;
    const std::string wait =
        story > 0.0 ? fmt::format("its {} take {} of real time", format_duration(story), format_duration(story / speed))
                    : "";
    if (std::isnan(speed_) && speed != 1.0) {
        fmt::print(out, "(this section runs {}x faster than real time{}; --speed X runs it X times faster instead)\n",
                   speed, wait.empty() ? "" : ", so " + wait);
    } else if (!std::isnan(speed_) && story > 0.0) {
        fmt::print(out, "(--speed {}: {})\n", speed, wait);
    }
}

int Lesson::run(const std::vector<std::string_view>& args, std::FILE* out, std::FILE* err) {
    std::vector<Chosen> chosen;
    std::ofstream trace;
    help_ = list_ = virtual_ = timeline_ = false;
    speed_ = std::numeric_limits<double>::quiet_NaN();
    trace_path_.clear();
    try {
        const std::vector<std::string> names = flags_.parse(args);
        if (help_) {
            print_help(out);
            return 0;
        }
        if (list_) {
            print_list(out);
            return 0;
        }
        // Bounded so that story deadlines stay representable as real-time points.
        if (!std::isnan(speed_) && !(speed_ >= min_speed && speed_ <= max_speed)) {
            throw UsageError(
                fmt::format("--speed: {} is out of range: it must be from {} to {}", speed_, min_speed, max_speed));
        }
        if (virtual_ && !std::isnan(speed_)) throw UsageError("--speed and --virtual exclude each other");
        chosen = select(names);
        if (!trace_path_.empty()) {
            trace.open(trace_path_);
            if (!trace) throw UsageError(fmt::format("--trace: cannot write '{}'", trace_path_));
        }
    } catch (const UsageError& error) {
        fmt::print(err, "{}: {}\n", program_, error.what());
        return 2;
    }

    std::ostringstream trace_events;
    int pid = 0;
    for (const Chosen& entry : chosen) {
        const Section* section = entry.section;
        // The arguments were checked by select(); parsed again here, each run gets its own.
        if (section->options.parse_arguments) section->options.parse_arguments(entry.arguments);
        const double speed = std::isnan(speed_) ? section->options.default_speed : speed_;
        std::unique_ptr<Clock> clock = make_story_clock(virtual_, speed);
        Log log(*clock, out);
        Timeline timeline(timeline_ || trace.is_open());
        fmt::print(out, "{}== {}: {}\n", &entry == &chosen.front() ? "" : "\n", section->name, section->describe());
        if (!virtual_) announce_speed(*section, speed, out);
        std::fflush(out);
        Context context{*clock, log, timeline};
        try {
            section->body(context);
        } catch (const std::exception& error) {
            std::fflush(out);
            fmt::print(err, "{}: section '{}' failed: {}\n", program_, section->name, error.what());
            return 1;
        }
        if (timeline_) fmt::print(out, "\n{}", timeline.render());
        if (trace.is_open()) {
            if (pid > 0) trace_events << ",\n";
            timeline.write_trace_events(trace_events, ++pid, section->name);
        }
        std::fflush(out);
    }
    if (trace.is_open()) {
        trace << "{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n" << trace_events.str() << "\n]}\n";
        if (!trace) {
            fmt::print(err, "{}: --trace: could not write '{}'\n", program_, trace_path_);
            return 1;
        }
        fmt::print(out, "\ntrace written to {} (open it in https://ui.perfetto.dev)\n", trace_path_);
    }
    return 0;
}

}  // namespace common
