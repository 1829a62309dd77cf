// What a CPU-bound measurement needs to be read honestly: the CPU time a thread spent, and how
// many of the machine's cores sat idle over a stretch of wall time (from /proc/stat). Section
// `parallel`.
#pragma once

#include <time.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <string>

namespace sections {

// CPU seconds the calling thread has used so far (user + system).
inline double thread_cpu_seconds() {
    timespec now{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

// Idle core-seconds of the whole machine so far: the idle and iowait columns of /proc/stat's
// "cpu" line, in clock ticks (sysconf(_SC_CLK_TCK) a second). Negative when it cannot be read.
inline double machine_idle_seconds() {
    std::ifstream stat("/proc/stat");
    std::string cpu;
    double user = 0, nice = 0, system = 0, idle = 0, iowait = 0;
    if (!(stat >> cpu >> user >> nice >> system >> idle >> iowait) || cpu != "cpu") return -1.0;
    return (idle + iowait) / static_cast<double>(::sysconf(_SC_CLK_TCK));
}

// Wall time and idle cores from its creation to now: "1.93 cores idle on average".
class IdleMeter {
public:
    IdleMeter() : start_(std::chrono::steady_clock::now()), idle_start_(machine_idle_seconds()) {}
    [[nodiscard]] double wall_seconds() const {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    }
    // Negative when /proc/stat cannot be read.
    [[nodiscard]] double idle_cores() const {
        const double idle = machine_idle_seconds();
        if (idle < 0 || idle_start_ < 0) return -1.0;
        return (idle - idle_start_) / wall_seconds();
    }

private:
    std::chrono::steady_clock::time_point start_;
    double idle_start_;
};

}  // namespace sections
