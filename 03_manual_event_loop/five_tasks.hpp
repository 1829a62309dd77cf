// The five sleep tasks the sections "generators" and "timer_heap" both run: values 1..5,
// delays 2, 1, 3, 1, 2 s, so they finish out of creation order and two pairs tie.
#pragma once

#include <array>
#include <vector>

#include "common/duration.hpp"
#include "common/log.hpp"
#include "sleep_task.hpp"

namespace manual_loop {

inline constexpr std::array<double, 5> five_delays{2.0, 1.0, 3.0, 1.0, 2.0};

inline std::vector<Task> five_sleep_tasks(const common::Clock& clock, common::Log& log,
                                          common::Timeline* timeline = nullptr) {
    std::vector<Task> tasks;
    for (std::size_t i = 0; i < five_delays.size(); ++i) {
        const int value = static_cast<int>(i) + 1;
        log.print("sleep_task({}, {})", value, common::format_duration(five_delays[i]));
        tasks.emplace_back(SleepTask(value, five_delays[i], clock, log, timeline));
    }
    return tasks;
}

}  // namespace manual_loop
