#include "chess.hpp"

#include <cmath>
#include <stdexcept>

#include <fmt/format.h>

#include "step.hpp"
#include "timer_loop.hpp"

namespace manual_loop {

namespace {

constexpr std::string_view master = "Polgár";

std::string board_name(int board) { return fmt::format("board {}", board); }

// The master's time on the timeline: back-to-back moves merge into one span, so a chart an
// hour wide shows where she was busy, not 720 slivers of 5 s.
class MasterLane {
public:
    explicit MasterLane(common::Timeline& timeline) : timeline_(timeline) {}
    MasterLane(const MasterLane&) = delete;
    MasterLane& operator=(const MasterLane&) = delete;

    void moved(double start, double end) {
        if (start != end_) {  // she waited before this move: the stretch before it is over
            flush();
            start_ = start;
        }
        end_ = end;
    }

    // Records the stretch still open; call it once the games are over.
    void flush() {
        if (end_ > start_) timeline_.span(master, "moves", start_, end_);
        start_ = end_;
    }

private:
    common::Timeline& timeline_;
    double start_ = 0.0;
    double end_ = 0.0;
};

// One game as a generator-style task: the master's move blocks the loop (she is thinking,
// and she is the only thread), the opponent's move is a yield (the loop may run other boards).
// Python:
//     def game(board):
//         for pair in range(30):
//             time.sleep(5)                    # Polgár thinks: nothing else runs
//             deadline = time.time() + 55      # the opponent thinks: Polgár walks on
//             while time.time() < deadline:
//                 yield deadline
//         return board
class Game {
public:
    Game(int board, const Exhibition& exhibition, common::Context& ctx, ExhibitionResult& result, MasterLane& lane)
        : board_(board), exhibition_(&exhibition), ctx_(&ctx), result_(&result), lane_(&lane) {}

    Step operator()() {
        common::Clock& clock = ctx_->clock;
        switch (resume_at_) {
            case ResumeAt::start:
                started_at_ = clock.now();
                break;
            case ResumeAt::opponent_thinking:
                if (clock.now() < deadline_) return Yield{deadline_};
                ++pairs_played_;
                break;
            case ResumeAt::finished:
                throw std::logic_error("a finished game was stepped again");
        }
        if (pairs_played_ == exhibition_->move_pairs) {
            ctx_->log.print("{}: game over after {} move pairs", board_name(board_), pairs_played_);
            ctx_->timeline.span(board_name(board_), "game", started_at_, clock.now());
            result_->all_done = clock.now();
            resume_at_ = ResumeAt::finished;
            return Return{board_};
        }
        const double move_start = clock.now();
        clock.sleep_for(exhibition_->master_move);  // blocking: the whole loop waits for her
        lane_->moved(move_start, clock.now());
        result_->master_done = clock.now();
        result_->master_busy += clock.now() - move_start;
        ++result_->master_moves;
        deadline_ = clock.now() + exhibition_->opponent_move;
        resume_at_ = ResumeAt::opponent_thinking;
        return Yield{deadline_};
    }

private:
    enum class ResumeAt { start, opponent_thinking, finished };

    int board_;
    int pairs_played_ = 0;
    double started_at_ = 0.0;
    double deadline_ = 0.0;
    ResumeAt resume_at_ = ResumeAt::start;
    const Exhibition* exhibition_;
    common::Context* ctx_;
    ExhibitionResult* result_;
    MasterLane* lane_;
};

}  // namespace

ExhibitionResult play_sync(const Exhibition& exhibition, common::Context& ctx) {
    ExhibitionResult result;
    for (int board = 1; board <= exhibition.boards; ++board) {
        const common::ScopedSpan game(ctx.timeline, ctx.clock, board_name(board), "game");
        for (int pair = 0; pair < exhibition.move_pairs; ++pair) {
            ctx.clock.sleep_for(exhibition.master_move);
            result.master_done = ctx.clock.now();
            result.master_busy += exhibition.master_move;
            ++result.master_moves;
            ctx.clock.sleep_for(exhibition.opponent_move);  // she stands and waits for the answer
        }
        ctx.log.print("{}: game over after {} move pairs", board_name(board), exhibition.move_pairs);
    }
    result.all_done = ctx.clock.now();
    return result;
}

ExhibitionResult play_async(const Exhibition& exhibition, common::Context& ctx) {
    ExhibitionResult result;
    ctx.timeline.instant(master, "arrives", ctx.clock.now());  // her lane first on the chart
    MasterLane lane(ctx.timeline);
    std::vector<Task> games;
    for (int board = 1; board <= exhibition.boards; ++board) {
        games.emplace_back(Game(board, exhibition, ctx, result, lane));
    }
    TimerLoop loop(ctx.clock);
    loop.run(std::move(games));
    lane.flush();
    return result;
}

std::string clock_face(double seconds) {
    const auto total = static_cast<long long>(std::llround(seconds));
    return fmt::format("{}:{:02}:{:02}", total / 3600, total / 60 % 60, total % 60);
}

}  // namespace manual_loop
