#include "course_test.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include <fmt/format.h>

#include "shelf.hpp"

namespace {

using Lines = std::vector<std::string>;

aio::Coroutine<void> cook(Lines& lines, exercises::Shelf& shelf, int first, int plates, double every) {
    for (int plate = first; plate < first + plates; ++plate) {
        co_await aio::sleep(every);
        co_await shelf.put(plate);
        lines.push_back(fmt::format("{}: put {} ({} on the shelf)", aio::time(), plate, shelf.size()));
    }
}

aio::Coroutine<void> waiter(Lines& lines, exercises::Shelf& shelf, std::string name, int plates, double every) {
    for (int i = 0; i < plates; ++i) {
        const int plate = co_await shelf.take();
        lines.push_back(fmt::format("{}: {} took {}", aio::time(), name, plate));
        co_await aio::sleep(every);
    }
}

aio::Coroutine<void> fast_cook_slow_waiter(Lines& lines) {
    exercises::Shelf shelf(2);
    co_await aio::gather(cook(lines, shelf, 1, 5, 1.0), waiter(lines, shelf, "w", 5, 3.0));
}

aio::Coroutine<void> two_plates_at_once(Lines& lines, exercises::Shelf& shelf) {
    co_await shelf.put(1);
    lines.push_back(fmt::format("{}: put 1 ({} on the shelf)", aio::time(), shelf.size()));
    co_await shelf.put(2);
    lines.push_back(fmt::format("{}: put 2 ({} on the shelf)", aio::time(), shelf.size()));
}

// Two waiters wait on an empty shelf of 1; a cook puts two plates, one right after the other.
// The second put() waits for room, so when waiter a takes plate 1, waiter b (still no plate for
// him) and the cook (room now) both wait: the one who can go on must hear of it.
aio::Coroutine<void> both_sides_wait(Lines& lines) {
    exercises::Shelf shelf(1);
    co_await aio::gather(waiter(lines, shelf, "a", 1, 0.0), waiter(lines, shelf, "b", 1, 0.0),
                         two_plates_at_once(lines, shelf));
}

aio::Coroutine<void> many(Lines& lines, int& total) {
    exercises::Shelf shelf(3);
    std::vector<aio::Coroutine<void>> all;
    for (int c = 0; c < 4; ++c) all.push_back(cook(lines, shelf, c * 100, 25, 0.1 * (c + 1)));
    for (int w = 0; w < 5; ++w) all.push_back(waiter(lines, shelf, fmt::format("w{}", w), 20, 0.05 * (w + 1)));
    co_await aio::gather(std::move(all));
    total = static_cast<int>(shelf.size());
}

}  // namespace

TEST_CASE("a cook faster than the waiter fills the shelf of 2 and then waits for room: the plates come out in order") {
    Lines lines;
    aio::run(fast_cook_slow_waiter(lines), {.virtual_time = true});
    CHECK(lines == Lines{
                       "1: put 1 (1 on the shelf)",
                       "1: w took 1",
                       "2: put 2 (1 on the shelf)",
                       "3: put 3 (2 on the shelf)",
                       "4: w took 2",
                       "4: put 4 (2 on the shelf)",
                       "7: w took 3",
                       "7: put 5 (2 on the shelf)",
                       "10: w took 4",
                       "13: w took 5",
                   });
}

TEST_CASE("takers and a putter wait on one shelf at once: every change reaches the side that can go on") {
    Lines lines;
    aio::run(both_sides_wait(lines), {.virtual_time = true});
    CHECK(lines == Lines{"0: put 1 (1 on the shelf)", "0: a took 1", "0: put 2 (1 on the shelf)", "0: b took 2"});
}

TEST_CASE("four cooks and five waiters: all 100 plates are taken once, and the shelf ends empty") {
    Lines lines;
    int left = -1;
    aio::run(many(lines, left), {.virtual_time = true});
    CHECK(left == 0);
    std::vector<int> taken;
    for (const std::string& line : lines) {
        const auto at = line.find(" took ");
        if (at != std::string::npos) taken.push_back(std::stoi(line.substr(at + 6)));
    }
    std::sort(taken.begin(), taken.end());
    std::vector<int> expected;
    for (int c = 0; c < 4; ++c)
        for (int plate = c * 100; plate < c * 100 + 25; ++plate) expected.push_back(plate);
    CHECK(taken == expected);
}
