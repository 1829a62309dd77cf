// next() and send() that also draw the turns on the timeline: the caller's call, then the body's
// run, which a refused send() or an exhausted generator never gets. Used by the sections send,
// mycoro and priming.
#pragma once

#include <string>
#include <string_view>

#include <fmt/format.h>

#include "common/turns.hpp"

namespace coroutines {

template <class Gen>
auto next_drawn(common::Turns& turns, std::string_view body, Gen& gen) {
    turns.run("caller", "next");
    const bool runs = !gen.finished();  // a finished body answers nullopt without running
    auto yielded = gen.next();
    if (runs) turns.run(body, yielded ? fmt::format("{}", *yielded) : std::string("end"));
    return yielded;
}

template <class Gen, class Sent>
auto send_drawn(common::Turns& turns, std::string_view body, Gen& gen, const Sent& value) {
    turns.run("caller", "send");     // the value shows in the log: a turn is too narrow for it
    auto yielded = gen.send(value);  // a SendError leaves here: the body did not run
    turns.run(body, yielded ? fmt::format("{}", *yielded) : std::string("end"));
    return yielded;
}

}  // namespace coroutines
