// The classic latency numbers ("Latency numbers every programmer should know"), scaled by 1e9
// to human time: 1 ns becomes 1 s. Section latency.
#pragma once

#include <string>
#include <vector>

namespace restaurant {

struct Latency {
    std::string what;
    double nanoseconds;
    std::string meanwhile;  // what a person does in the scaled time
    // The originals' human-scale figure: `originals_value` units of `originals_unit` seconds.
    double originals_value;
    double originals_unit;
    std::string originals_text;
};

// Seconds per unit, for the originals' figures.
inline constexpr double minute = 60;
inline constexpr double hour = 60 * minute;
inline constexpr double day = 24 * hour;
inline constexpr double week = 7 * day;
inline constexpr double year = 365.25 * day;
inline constexpr double month = year / 12;

// The 14 rows, fastest first.
const std::vector<Latency>& latency_numbers();

// `seconds` of human time in the unit a person would use: "0.5 s", "50 min", "1.7 days",
// "16.5 weeks", "7.6 months", "4.8 years" (one decimal, months of 365.25 / 12 days).
std::string human_duration(double seconds);

// Whether the originals' figure differs from the computed one, in its own unit, at one decimal.
bool originals_slipped(const Latency& latency);

}  // namespace restaurant
