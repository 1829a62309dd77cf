#include "cpu_meter.hpp"

namespace manual_loop {

void CpuMeter::report(common::Log& log, std::string_view what, double story_seconds) const {
    if (log.clock().is_virtual()) {
        log.plain("CPU time: measured in real time only (run this section without --virtual)");
        return;
    }
    // CPU seconds compare with real seconds, whatever --speed made of the story.
    const double real_seconds = story_seconds / log.clock().speed();
    log.plain("CPU time burned by {}: {:.3f} s of CPU in {:.3f} s of real time", what, seconds(), real_seconds);
}

}  // namespace manual_loop
