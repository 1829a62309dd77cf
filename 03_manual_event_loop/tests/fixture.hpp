// A section's context on a fresh virtual clock, with a capturing log: what every test here needs.
#pragma once

#include "common/lesson.hpp"

struct Fixture {
    common::VirtualClock clock;
    common::Log log = common::Log::capturing(clock);
    common::Timeline timeline{true};
    common::Context ctx{clock, log, timeline};
};
