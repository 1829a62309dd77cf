#include "grep.hpp"
#include "pipeline.hpp"
#include "printer.hpp"
#include "sections.hpp"

namespace sections {

void pipeline(common::Context& ctx) {
    auto& log = ctx.log;
    const std::vector<std::string> access_log{
        "GET /index.html 200", "GET /missing.png 404", "POST /login 200", "GET /old-page 404", "GET /about 200",
    };
    log.print("sink = printer(); grep_404 = grep(\"404\", sink)");
    coroutines::Printer sink(log);
    coroutines::Grep grep_404("404", sink);
    log.print("prime both: next(sink); next(grep_404)   # Python's @coroutine decorator does this");
    sink.next();
    grep_404.next();
    log.print("send_lines(access_log, grep_404)   # {} lines in, each pushed down the chain", access_log.size());
    coroutines::send_lines(access_log, grep_404);
    log.print("done: the source pushed, each stage ran only when it was sent a line");
}

}  // namespace sections
