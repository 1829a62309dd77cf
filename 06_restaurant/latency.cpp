#include "latency.hpp"

#include <fmt/format.h>

namespace restaurant {

namespace {
// "50" for 50.0, "5.6" for 5.55
std::string one_decimal(double value) {
    std::string text = fmt::format("{:.1f}", value);
    if (text.ends_with(".0")) text.resize(text.size() - 2);
    return text;
}
}  // namespace

const std::vector<Latency>& latency_numbers() {
    static const std::vector<Latency> numbers{
        {"L1 cache reference", 0.5, "one heartbeat", 0.5, 1, "0.5 s"},
        {"branch mispredict", 5, "a yawn", 5, 1, "5 s"},
        {"L2 cache reference", 7, "a long yawn", 7, 1, "7 s"},
        {"mutex lock/unlock", 25, "make a coffee", 25, 1, "25 s"},
        {"main memory reference", 100, "brush your teeth", 100, 1, "100 s"},
        {"compress 1 KB with Zippy", 3'000, "watch a TV episode", 50, minute, "50 min"},
        {"send 2 KB over 1 Gbps", 20'000, "a short course, exercises included", 5.5, hour, "5.5 hr"},
        {"read 4 KB randomly from SSD", 150'000, "a weekend", 1.7, day, "1.7 days"},
        {"read 1 MB sequentially from memory", 250'000, "a long weekend", 2.9, day, "2.9 days"},
        {"round trip within a datacenter", 500'000, "a week's holiday", 5.8, day, "5.8 days"},
        {"read 1 MB sequentially from SSD", 1'000'000, "an opossum's gestation", 11.6, day, "11.6 days"},
        {"disk seek", 10'000'000, "a university semester", 16.5, week, "16.5 weeks"},
        {"read 1 MB sequentially from disk", 20'000'000, "a (premature) baby is born", 7.8, month, "7.8 months"},
        {"packet California -> Netherlands -> California", 150'000'000, "finish high school", 4.8, year, "4.8 years"},
    };
    return numbers;
}

std::string human_duration(double seconds) {
    const auto in = [&](double unit, const char* name) {
        return fmt::format("{} {}", one_decimal(seconds / unit), name);
    };
    if (seconds < 2 * minute) return in(1, "s");
    if (seconds < hour) return in(minute, "min");
    if (seconds < day) return in(hour, "h");
    if (seconds < 2 * week) return in(day, "days");
    if (seconds < 26 * week) return in(week, "weeks");
    if (seconds < 2 * year) return in(month, "months");
    return in(year, "years");
}

bool originals_slipped(const Latency& latency) {
    // The scaled time in seconds is the latency in nanoseconds.
    return one_decimal(latency.nanoseconds / latency.originals_unit) != one_decimal(latency.originals_value);
}

}  // namespace restaurant
