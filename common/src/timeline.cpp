#include "common/timeline.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include <fmt/format.h>

#include "common/duration.hpp"

namespace common {

void Timeline::record(Event event) {
    const std::lock_guard guard(mutex_);
    events_.push_back(std::move(event));
}

std::vector<Timeline::Event> Timeline::events() const {
    const std::lock_guard guard(mutex_);
    return events_;
}

std::vector<std::string> Timeline::lanes() const {
    const std::lock_guard guard(mutex_);
    std::vector<std::string> lanes;
    for (const Event& event : events_) {
        if (std::find(lanes.begin(), lanes.end(), event.lane) == lanes.end()) lanes.push_back(event.lane);
    }
    return lanes;
}

namespace {

// 1, 2 or 5 times a power of ten (or minutes and hours for long stories), about `target` ticks.
// A count (turns) ticks in whole numbers.
double tick_step(double total, int target, bool counting) {
    const double rough = total / target;
    if (counting && rough <= 1.0) return 1.0;
    for (double unit : {3600.0, 60.0}) {
        if (!counting && rough >= unit) {
            for (double multiple : {1.0, 2.0, 5.0, 10.0, 15.0, 30.0, 60.0}) {
                if (unit * multiple >= rough) return unit * multiple;
            }
        }
    }
    const double power = std::pow(10.0, std::floor(std::log10(rough)));
    for (double multiple : {1.0, 2.0, 5.0}) {
        if (power * multiple >= rough) return power * multiple;
    }
    return power * 10.0;
}

std::string compact(double seconds) {
    std::string text = format_duration(seconds);
    std::erase(text, ' ');
    return text;
}

// An axis label: a duration, or a plain number when the timeline counts turns.
std::string axis_label(double t, const std::string& unit) { return unit.empty() ? compact(t) : fmt::format("{:g}", t); }

}  // namespace

namespace {

// Where each moment of the story lands on the chart. Seconds are proportional: `columns` columns
// for the whole story. Turns are counted, not measured, so when every event starts and ends on a
// whole turn, each turn gets whole columns of its own, as wide as its widest label needs: two
// turns never share a column, and a label is cut only when the chart cannot hold them all.
class Columns {
public:
    Columns(double end, std::size_t columns) : end_(end), columns_(columns) {}
    explicit Columns(std::vector<std::size_t> turn_starts)
        : end_(static_cast<double>(turn_starts.size() - 1)),
          columns_(turn_starts.back()),
          turn_starts_(std::move(turn_starts)) {}

    [[nodiscard]] std::size_t count() const noexcept { return columns_; }
    [[nodiscard]] bool by_turn() const noexcept { return !turn_starts_.empty(); }

    // The column in which moment t falls.
    [[nodiscard]] std::size_t of(double t) const {
        if (by_turn()) return std::min(turn_starts_[turn(t)], columns_ - 1);
        const auto column = static_cast<std::size_t>(std::floor(t / end_ * static_cast<double>(columns_)));
        return std::min(column, columns_ - 1);
    }
    // The last column a span ending at t covers: its end is exclusive.
    [[nodiscard]] std::size_t last_before(double t, std::size_t first) const {
        if (by_turn()) return std::max(turn_starts_[turn(t)], first + 1) - 1;
        const double end_column = std::ceil(t / end_ * static_cast<double>(columns_)) - 1.0;
        return std::clamp(static_cast<std::size_t>(std::max(end_column, 0.0)), first, columns_ - 1);
    }

private:
    [[nodiscard]] std::size_t turn(double t) const {
        return std::min(static_cast<std::size_t>(std::lround(std::max(t, 0.0))), turn_starts_.size() - 1);
    }

    double end_;
    std::size_t columns_;
    std::vector<std::size_t> turn_starts_;  // the first column of each turn, and the end
};

bool whole(double t) { return t >= 0.0 && t == std::floor(t) && t < 1e6; }

// Column widths for a counted story whose events all sit on whole turns, or nothing when it has
// too many turns for `columns` (then the chart is proportional, like one in seconds).
std::optional<std::vector<std::size_t>> turn_columns(const std::vector<Timeline::Event>& all, double end,
                                                     std::size_t columns) {
    if (!whole(end)) return std::nullopt;
    for (const Timeline::Event& event : all) {
        if (!whole(event.start) || !whole(event.end)) return std::nullopt;
    }
    const auto turns = static_cast<std::size_t>(end);
    if (turns == 0 || turns * 3 > columns) return std::nullopt;  // "[x]" is the narrowest a turn can be
    // What each one-turn span needs to show its label between brackets; at least an even share.
    std::vector<std::size_t> need(turns, 3);
    for (const Timeline::Event& event : all) {
        if (!event.instant && event.end == event.start + 1.0) {
            std::size_t& width = need[static_cast<std::size_t>(event.start)];
            width = std::max(width, event.label.size() + 2);
        }
    }
    std::vector<std::size_t> widths(turns);
    const std::size_t share = columns / turns;
    const auto total = [&] {
        std::size_t sum = 0;
        for (std::size_t w : widths) sum += w;
        return sum;
    };
    for (std::size_t k = 0; k < turns; ++k) widths[k] = std::max(need[k], share);
    if (total() > columns) widths = need;
    // Still too wide: the widest turns give up their labels for a key ("[a]"), widest first.
    while (total() > columns) {
        const auto widest = std::max_element(widths.begin(), widths.end());
        *widest = 3;
    }
    std::vector<std::size_t> starts(turns + 1, 0);
    for (std::size_t k = 0; k < turns; ++k) starts[k + 1] = starts[k] + widths[k];
    return starts;
}

// Keys for the labels that do not fit their bars: "a", "b", ..., the same key for the same label.
class Legend {
public:
    std::string key_for(const std::string& label) {
        for (const auto& [key, known] : entries_) {
            if (known == label) return key;
        }
        const std::size_t n = entries_.size();
        std::string key = n < 26 ? std::string(1, static_cast<char>('a' + n)) : fmt::format("{}", n - 25);
        entries_.emplace_back(key, label);
        return key;
    }
    // "a = p6, b = p7", as many to a line as fit in `width` columns.
    [[nodiscard]] std::string render(std::size_t indent, std::size_t width) const {
        std::string out;
        std::string line;
        for (const auto& [key, label] : entries_) {
            const std::string entry = fmt::format("{} = {}", key, label);
            if (!line.empty() && indent + 3 + line.size() + 2 + entry.size() > width) {
                out += fmt::format("{:>{}}   {}\n", "", indent, line);
                line.clear();
            }
            line += (line.empty() ? "" : ", ") + entry;
        }
        if (!line.empty()) out += fmt::format("{:>{}}   {}\n", "", indent, line);
        return out;
    }

private:
    std::vector<std::pair<std::string, std::string>> entries_;
};

}  // namespace

// A label that does not fit its bar is not cut: a key ("a") stands in the bar, and a legend
// under the axis gives the label. Spans narrower than three columns have no room even for a key.
// A story counted in turns gives each turn whole columns of its own (see Columns).
std::string Timeline::render(std::size_t width) const {
    const std::vector<Event> all = events();
    if (all.empty()) return "(the timeline recorded nothing)\n";
    const std::vector<std::string> lane_names = lanes();

    double end = 0.0;
    for (const Event& event : all) end = std::max(end, event.end);
    if (end <= 0.0) end = 1.0;

    std::size_t label_width = 0;
    for (const std::string& lane : lane_names) label_width = std::max(label_width, lane.size());
    label_width = std::min<std::size_t>(label_width, 16);
    const std::size_t available = std::max<std::size_t>(width > label_width + 3 ? width - label_width - 3 : 10, 10);
    std::optional<std::vector<std::size_t>> turn_starts;
    if (!unit_.empty()) turn_starts = turn_columns(all, end, available);
    const Columns columns = turn_starts ? Columns(std::move(*turn_starts)) : Columns(end, available);

    std::string out;
    if (unit_.empty()) {
        out = fmt::format("{:>{}} | 0 .. {}, one column = {}\n", "", label_width, compact(end),
                          compact(end / static_cast<double>(columns.count())));
    } else if (columns.by_turn()) {
        out = fmt::format("{:>{}} | 0 .. {} {}s, one [...] per {}\n", "", label_width, axis_label(end, unit_), unit_,
                          unit_);
    } else {
        out = fmt::format("{:>{}} | 0 .. {} {}s, one column = {:.3g} {}\n", "", label_width, axis_label(end, unit_),
                          unit_, end / static_cast<double>(columns.count()), unit_);
    }
    Legend legend;
    for (const std::string& lane : lane_names) {
        std::string row(columns.count(), ' ');
        for (const Event& event : all) {
            if (event.lane != lane) continue;
            const std::size_t first = columns.of(event.start);
            if (event.instant) {
                row[first] = '|';
                continue;
            }
            const std::size_t stop = columns.last_before(event.end, first);
            for (std::size_t c = first; c <= stop; ++c) row[c] = '=';
            if (stop > first) {
                row[first] = '[';
                row[stop] = ']';
                const std::size_t room = stop - first - 1;
                // A label that does not fit is not cut: a key stands in the bar, the legend says it.
                if (event.label.size() <= room) {
                    row.replace(first + 1, event.label.size(), event.label);
                } else if (room >= 1) {
                    const std::string key = legend.key_for(event.label);
                    if (key.size() <= room) row.replace(first + 1, key.size(), key);
                }
            }
        }
        out += fmt::format("{:>{}} | {}\n", lane.substr(0, label_width), label_width, row);
    }

    // The time axis: a tick every "nice" step, labelled where the labels do not collide.
    const double step = tick_step(end, 6, !unit_.empty());
    std::string axis(columns.count(), '-');
    std::string labels(columns.count(), ' ');
    std::size_t free_from = 0;
    for (std::size_t i = 0; i <= columns.count(); ++i) {  // bounded: a step that underflows to 0 never ends
        const double t = step * static_cast<double>(i);
        if (t > end * (1 + 1e-9)) break;
        const std::size_t column = columns.of(t);
        axis[column] = '+';
        const std::string text = axis_label(t, unit_);
        // The last label may have to end at the edge rather than start at its tick.
        const std::size_t at = std::min(column, columns.count() - std::min(columns.count(), text.size()));
        if (at >= free_from) {
            labels.replace(at, text.size(), text);
            free_from = at + text.size() + 1;
        }
    }
    while (!labels.empty() && labels.back() == ' ') labels.pop_back();
    out += fmt::format("{:>{}} +-{}\n", "", label_width, axis);
    out += fmt::format("{:>{}}   {}\n", "", label_width, labels);
    out += legend.render(label_width, width);
    return out;
}

std::string json_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\r':
                out += "\\r";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (static_cast<unsigned char>(c) < 0x20) {
                    out += fmt::format("\\u{:04x}", static_cast<unsigned>(static_cast<unsigned char>(c)));
                } else {
                    out += c;
                }
        }
    }
    return out;
}

void Timeline::write_trace_events(std::ostream& out, int pid, std::string_view process_name) const {
    const std::vector<Event> all = events();
    const std::vector<std::string> lane_names = lanes();
    // Perfetto's axis is always time. A story counted in turns says so in its name, and each
    // event carries its turns, so nobody reads "1 s" there as a second.
    const std::string name =
        unit_.empty() ? std::string(process_name)
                      : fmt::format("{} (counted in {}s: each second shown is one {})", process_name, unit_, unit_);
    out << fmt::format(R"({{"name":"process_name","ph":"M","pid":{},"tid":0,"args":{{"name":"{}"}}}})", pid,
                       json_escape(name));
    for (std::size_t i = 0; i < lane_names.size(); ++i) {
        out << fmt::format(
            ",\n"
            R"({{"name":"thread_name","ph":"M","pid":{},"tid":{},"args":{{"name":"{}"}}}})",
            pid, i + 1, json_escape(lane_names[i]));
        out << fmt::format(
            ",\n"
            R"({{"name":"thread_sort_index","ph":"M","pid":{},"tid":{},"args":{{"sort_index":{}}}}})",
            pid, i + 1, i);
    }
    for (const Event& event : all) {
        const auto lane = std::find(lane_names.begin(), lane_names.end(), event.lane) - lane_names.begin() + 1;
        // Trace Event timestamps are microseconds; ours are story seconds (or turns).
        const std::string args = unit_.empty()
                                     ? std::string()
                                     : fmt::format(R"(,"args":{{"{}":"{:g}{}"}})", json_escape(unit_), event.start,
                                                   event.instant ? std::string() : fmt::format(" .. {:g}", event.end));
        if (event.instant) {
            out << fmt::format(
                ",\n"
                R"({{"name":"{}","ph":"i","s":"t","ts":{:.3f},"pid":{},"tid":{}{}}})",
                json_escape(event.label), event.start * 1e6, pid, lane, args);
        } else {
            out << fmt::format(
                ",\n"
                R"({{"name":"{}","ph":"X","ts":{:.3f},"dur":{:.3f},"pid":{},"tid":{}{}}})",
                json_escape(event.label), event.start * 1e6, (event.end - event.start) * 1e6, pid, lane, args);
        }
    }
}

}  // namespace common
