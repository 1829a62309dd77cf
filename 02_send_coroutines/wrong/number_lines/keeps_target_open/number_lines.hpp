// Wrong: closing the stage does not close its target.
// Solution: a pipeline stage that numbers the lines passing through it.
#pragma once

#include <optional>
#include <string>

#include <fmt/format.h>

#include "pipeline.hpp"

namespace exercises {

class NumberLines : public coroutines::LineSink {
public:
    explicit NumberLines(coroutines::LineSink& target) : target_(&target) {}

protected:
    std::optional<coroutines::Nothing> resume(std::optional<std::string> line) override {
        if (line) {
            ++n_;
            target_->send(fmt::format("{}: {}", n_, *line));
        }
        return coroutines::Nothing{};
    }

    // The stage owns the end of the stream: when its source closes it, it closes its target.
    void on_close() override {}

private:
    coroutines::LineSink* target_;
    int n_ = 0;  // the frame: the count lives across every yield
};

}  // namespace exercises
