#include "course_test.hpp"

#include <fmt/format.h>

#include "chess.hpp"
#include "section_fixture.hpp"
#include "sections.hpp"

TEST_CASE("the synchronous exhibition takes exactly 12 h: 24 games of 30 min, one after the other") {
    SectionFixture f;
    const manual_loop::ExhibitionResult result = manual_loop::play_sync(manual_loop::Exhibition{}, f.ctx);
    CHECK(result.all_done == 12 * 3600.0);
    CHECK(result.master_done == 12 * 3600.0 - 55.0);
    const std::vector<std::string> lines = f.log.lines();
    REQUIRE(lines.size() == 24);
    CHECK(lines.front() == "[1800.000s] board 1: game over after 30 move pairs");
    CHECK(lines.back() == "[43200.000s] board 24: game over after 30 move pairs");
}

TEST_CASE("the asynchronous exhibition: the master's 720 moves of 5 s end at exactly 1 h, the last answer 55 s later") {
    SectionFixture f;
    const manual_loop::ExhibitionResult result = manual_loop::play_async(manual_loop::Exhibition{}, f.ctx);
    CHECK(result.master_done == 3600.0);
    CHECK(result.all_done == 3655.0);
    CHECK(f.clock.now() == 3655.0);
}

TEST_CASE("asynchronously the master never waits: 720 moves of 5 s fill her hour, one stretch on the timeline") {
    SectionFixture f;
    const manual_loop::ExhibitionResult result = manual_loop::play_async(manual_loop::Exhibition{}, f.ctx);
    CHECK(result.master_moves == 720);
    CHECK(result.master_busy == 3600.0);
    std::vector<std::string> spans;
    for (const common::Timeline::Event& event : f.timeline.events()) {
        if (event.lane == "Polgár") spans.push_back(fmt::format("{} {}..{}", event.label, event.start, event.end));
    }
    CHECK(spans == std::vector<std::string>{"arrives 0..0", "moves 0..3600"});
    CHECK(f.timeline.lanes().size() == 25);
    CHECK(f.timeline.lanes().front() == "Polgár");
}

TEST_CASE("synchronously the master waits at every board: 1 h of moves spread over 12 h") {
    SectionFixture f;
    const manual_loop::ExhibitionResult result = manual_loop::play_sync(manual_loop::Exhibition{}, f.ctx);
    CHECK(result.master_moves == 720);
    CHECK(result.master_busy == 3600.0);
    const std::vector<common::Timeline::Event> games = f.timeline.events();
    REQUIRE(games.size() == 24);
    CHECK(games[23].start == 23 * 1800.0);
    CHECK(games[23].end == 24 * 1800.0);
}

TEST_CASE("a small asynchronous exhibition, move by move: the loop notices an answer at its next turn") {
    SectionFixture f;
    // 3 boards, 2 move pairs: she makes a round of 15 s; every answer takes 10 s.
    const manual_loop::Exhibition small{.boards = 3, .move_pairs = 2, .master_move = 5.0, .opponent_move = 10.0};
    const manual_loop::ExhibitionResult result = manual_loop::play_async(small, f.ctx);
    CHECK(result.master_done == 30.0);
    CHECK(result.all_done == 40.0);
    CHECK(f.log.lines() == std::vector<std::string>{
                               // Board 1 answered at 30 s, board 2 at 35 s; she was busy until 30 s.
                               "[ 30.000s] board 1: game over after 2 move pairs",
                               "[ 35.000s] board 2: game over after 2 move pairs",
                               "[ 40.000s] board 3: game over after 2 move pairs",
                           });
    std::vector<std::string> games;
    for (const common::Timeline::Event& event : f.timeline.events()) {
        games.push_back(fmt::format("{}: {} {}..{}", event.lane, event.label, event.start, event.end));
    }
    CHECK(games == std::vector<std::string>{"Polgár: arrives 0..0", "board 1: game 0..30", "board 2: game 5..35",
                                            "board 3: game 10..40", "Polgár: moves 0..30"});
}

TEST_CASE("the chess sections print 12 h and 1 h") {
    SectionFixture sync;
    sections::chess_sync(sync.ctx);
    CHECK(sync.log.lines().back() ==
          "[43200.000s] every game over at 12 h (12:00:00): 24 games of 30 min each, one after the other");
    SectionFixture async;
    sections::chess_async(async.ctx);
    const std::vector<std::string> lines = async.log.lines();
    REQUIRE(lines.size() == 2 + 24 + 2);
    CHECK(lines[0] ==
          "[  0.000s] Polgár plays 24 opponents; 30 move pairs a game; she moves in 5 s, they answer in 55 s");
    CHECK(lines[lines.size() - 2] ==
          "[3655.000s] Polgár made her last move at 1 h (1:00:00): 720 moves of 5 s, back to back");
    CHECK(lines.back() == "[3655.000s] the last opponent answered 55 s later: every game over at 1:00:55");
}

TEST_CASE("clock_face shows hours, minutes and seconds") {
    CHECK(manual_loop::clock_face(0.0) == "0:00:00");
    CHECK(manual_loop::clock_face(3655.0) == "1:00:55");
    CHECK(manual_loop::clock_face(43200.0) == "12:00:00");
}
