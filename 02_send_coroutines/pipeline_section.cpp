#include <optional>
#include <string>
#include <utility>

#include <fmt/format.h>

#include "common/turns.hpp"
#include "grep.hpp"
#include "pipeline.hpp"
#include "printer.hpp"
#include "sections.hpp"

namespace sections {

namespace {

// A pass-through stage for the timeline: each line (or close) that goes through draws a turn
// for the stage it reaches (and, at the source, for the source), labelled with the line's number
// in the access log, and is passed on unchanged.
class DrawnLink : public coroutines::LineSink {
public:
    // The link at the source numbers the lines (`first`); the others read the number it set.
    DrawnLink(common::Turns& turns, std::string sender, std::string receiver, coroutines::LineSink& target,
              int& line_number, bool first)
        : turns_(&turns),
          sender_(std::move(sender)),
          receiver_(std::move(receiver)),
          target_(&target),
          line_number_(&line_number),
          first_(first) {}

protected:
    std::optional<coroutines::Nothing> resume(std::optional<std::string> line) override {
        if (line) {
            if (first_) {
                ++*line_number_;
                turns_->run(sender_, fmt::format("{}", *line_number_));  // a stage's sending is in its own turn
            }
            turns_->run(receiver_, fmt::format("{}", *line_number_));
            target_->send(*line);
        }
        return coroutines::Nothing{};
    }
    void on_close() override {
        if (first_) turns_->run(sender_, "end");
        turns_->run(receiver_, "end");
        target_->close();
    }

private:
    common::Turns* turns_;
    std::string sender_;
    std::string receiver_;
    coroutines::LineSink* target_;
    int* line_number_;
    bool first_;
};

}  // namespace

void pipeline(common::Context& ctx) {
    auto& log = ctx.log;
    const std::vector<std::string> access_log{
        "GET /index.html 200", "GET /missing.png 404", "POST /login 200", "GET /old-page 404", "GET /about 200",
    };
    log.print("sink = printer(); grep_404 = grep(\"404\", sink)");
    coroutines::Printer sink(log);
    // The timeline's links: source -> grep -> printer, each hop drawn as the receiver's turn.
    common::Turns turns(ctx.timeline);
    int line_number = 0;
    DrawnLink to_printer(turns, "grep", "printer", sink, line_number, false);
    coroutines::Grep grep_404("404", to_printer);
    DrawnLink to_grep(turns, "source", "grep", grep_404, line_number, true);
    log.print("prime both: next(sink); next(grep_404)   # Beazley's @coroutine decorator does this");
    sink.next();
    to_printer.next();
    grep_404.next();
    to_grep.next();
    log.print("send_lines(access_log, grep_404)   # {} lines in, each pushed down the chain", access_log.size());
    coroutines::send_lines(access_log, to_grep);
    log.print("done: the source pushed, each stage ran only when it was sent a line");
}

}  // namespace sections
