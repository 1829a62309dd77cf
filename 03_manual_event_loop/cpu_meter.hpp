// Measures the CPU time a loop burns (the kernel's count, not a guess) and prints it in real
// time; on virtual time a busy loop does not spin, so there is nothing honest to print.
// Used by the sections "polling", "generators" and "timer_heap".
#pragma once

#include <string_view>

#include "common/log.hpp"
#include "common/resource_usage.hpp"

namespace manual_loop {

class CpuMeter {
public:
    CpuMeter() : start_(common::process_cpu_seconds()) {}
    [[nodiscard]] double seconds() const { return common::process_cpu_seconds() - start_; }

    // "CPU time burned by <what>: 2.98 s in 3 s", or on virtual time, why it is not measured.
    void report(common::Log& log, std::string_view what, double story_seconds) const;

private:
    double start_;
};

}  // namespace manual_loop
