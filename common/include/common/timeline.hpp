// What ran when: spans (lane, label, start, end) and instants, drawn as an ASCII Gantt chart
// (--timeline) or written as Chrome Trace Event JSON for Perfetto (--trace FILE).
// Recording costs one branch when the timeline is off.
#pragma once

#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/clock.hpp"

namespace common {

class Timeline {
public:
    struct Event {
        std::string lane;   // who: "Task 1", "Waiter 2", "loop"
        std::string label;  // what: "sleep 1 s", "Order 3"
        double start;
        double end;  // == start for an instant
        bool instant;
    };

    explicit Timeline(bool enabled = false) : enabled_(enabled) {}

    [[nodiscard]] bool enabled() const noexcept { return enabled_; }
    void set_enabled(bool on) noexcept { enabled_ = on; }

    // A story that takes no time (a generator and its caller taking turns) is drawn against a
    // count instead of seconds: events then start and end at numbers of `unit` ("turn"), and so
    // does the axis. The trace file shows one unit as one second. Empty: seconds.
    void count_in(std::string unit) { unit_ = std::move(unit); }
    [[nodiscard]] const std::string& unit() const noexcept { return unit_; }

    void span(std::string_view lane, std::string_view label, double start, double end) {
        if (enabled_) record({std::string(lane), std::string(label), start, end, false});
    }
    void instant(std::string_view lane, std::string_view label, double at) {
        if (enabled_) record({std::string(lane), std::string(label), at, at, true});
    }

    [[nodiscard]] std::vector<Event> events() const;
    [[nodiscard]] std::vector<std::string> lanes() const;  // in order of first appearance

    // An ASCII Gantt chart no wider than `width` columns, with a time axis.
    [[nodiscard]] std::string render(std::size_t width = 80) const;

    // This timeline's events as Trace Event objects of process `pid` (one thread per lane),
    // comma-separated, to go inside a "traceEvents" array.
    void write_trace_events(std::ostream& out, int pid, std::string_view process_name) const;

private:
    void record(Event event);

    bool enabled_;
    std::string unit_;
    mutable std::mutex mutex_;  // 06's threads record concurrently
    std::vector<Event> events_;
};

// Records a span from construction to destruction, read from the clock.
class ScopedSpan {
public:
    ScopedSpan(Timeline& timeline, const Clock& clock, std::string_view lane, std::string_view label)
        : timeline_(timeline),
          clock_(clock),
          lane_(timeline.enabled() ? lane : std::string_view{}),
          label_(timeline.enabled() ? label : std::string_view{}),
          start_(clock.now()) {}
    ScopedSpan(const ScopedSpan&) = delete;
    ScopedSpan& operator=(const ScopedSpan&) = delete;
    ~ScopedSpan() { timeline_.span(lane_, label_, start_, clock_.now()); }

private:
    Timeline& timeline_;
    const Clock& clock_;
    std::string lane_;
    std::string label_;
    double start_;
};

// `text` as the inside of a JSON string: quotes, backslashes and control characters escaped.
std::string json_escape(std::string_view text);

}  // namespace common
