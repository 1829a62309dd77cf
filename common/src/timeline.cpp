#include "common/timeline.hpp"

#include <algorithm>
#include <cmath>

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
    const std::size_t columns = std::max<std::size_t>(width > label_width + 3 ? width - label_width - 3 : 10, 10);
    const auto column_of = [&](double t) {
        const auto column = static_cast<std::size_t>(std::floor(t / end * static_cast<double>(columns)));
        return std::min(column, columns - 1);
    };

    const double column_width = end / static_cast<double>(columns);
    std::string out = unit_.empty() ? fmt::format("{:>{}} | 0 .. {}, one column = {}\n", "", label_width, compact(end),
                                                  compact(column_width))
                                    : fmt::format("{:>{}} | 0 .. {} {}s, one column = {:.3g} {}\n", "", label_width,
                                                  axis_label(end, unit_), unit_, column_width, unit_);
    for (const std::string& lane : lane_names) {
        std::string row(columns, ' ');
        for (const Event& event : all) {
            if (event.lane != lane) continue;
            const std::size_t first = column_of(event.start);
            if (event.instant) {
                row[first] = '|';
                continue;
            }
            // The span covers the columns it overlaps: its end is exclusive.
            const double end_column = std::ceil(event.end / end * static_cast<double>(columns)) - 1.0;
            const std::size_t stop =
                std::clamp(static_cast<std::size_t>(std::max(end_column, 0.0)), first, columns - 1);
            for (std::size_t c = first; c <= stop; ++c) row[c] = '=';
            if (stop > first) {
                row[first] = '[';
                row[stop] = ']';
                const std::size_t room = stop - first - 1;
                const std::size_t shown = std::min(room, event.label.size());
                if (shown == event.label.size() || room >= 4)
                    row.replace(first + 1, shown, event.label.substr(0, shown));
            }
        }
        out += fmt::format("{:>{}} | {}\n", lane.substr(0, label_width), label_width, row);
    }

    // The time axis: a tick every "nice" step, labelled where the labels do not collide.
    const double step = tick_step(end, 6, !unit_.empty());
    std::string axis(columns, '-');
    std::string labels(columns, ' ');
    std::size_t free_from = 0;
    for (std::size_t i = 0; i <= columns; ++i) {  // bounded: a step that underflows to 0 never ends
        const double t = step * static_cast<double>(i);
        if (t > end * (1 + 1e-9)) break;
        const std::size_t column = column_of(t);
        axis[column] = '+';
        const std::string text = axis_label(t, unit_);
        // The last label may have to end at the edge rather than start at its tick.
        const std::size_t at = std::min(column, columns - std::min(columns, text.size()));
        if (at >= free_from) {
            labels.replace(at, text.size(), text);
            free_from = at + text.size() + 1;
        }
    }
    while (!labels.empty() && labels.back() == ' ') labels.pop_back();
    out += fmt::format("{:>{}} +-{}\n", "", label_width, axis);
    out += fmt::format("{:>{}}   {}\n", "", label_width, labels);
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
    out << fmt::format(R"({{"name":"process_name","ph":"M","pid":{},"tid":0,"args":{{"name":"{}"}}}})", pid,
                       json_escape(process_name));
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
        // Trace Event timestamps are microseconds; ours are story seconds.
        if (event.instant) {
            out << fmt::format(
                ",\n"
                R"({{"name":"{}","ph":"i","s":"t","ts":{:.3f},"pid":{},"tid":{}}})",
                json_escape(event.label), event.start * 1e6, pid, lane);
        } else {
            out << fmt::format(
                ",\n"
                R"({{"name":"{}","ph":"X","ts":{:.3f},"dur":{:.3f},"pid":{},"tid":{}}})",
                json_escape(event.label), event.start * 1e6, (event.end - event.start) * 1e6, pid, lane);
        }
    }
}

}  // namespace common
