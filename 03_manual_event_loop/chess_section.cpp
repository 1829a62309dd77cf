#include "chess.hpp"
#include "common/duration.hpp"
#include "sections.hpp"

namespace sections {

namespace {
void introduce(common::Context& ctx, const manual_loop::Exhibition& e) {
    ctx.log.print("Polgár plays {} opponents; {} move pairs a game; she moves in {}, they answer in {}", e.boards,
                  e.move_pairs, common::format_duration(e.master_move), common::format_duration(e.opponent_move));
}
}  // namespace

void chess_sync(common::Context& ctx) {
    const manual_loop::Exhibition exhibition;
    introduce(ctx, exhibition);
    ctx.log.print("synchronous: she stays at a board until its game is over");
    const manual_loop::ExhibitionResult result = manual_loop::play_sync(exhibition, ctx);
    ctx.log.print("every game over at {} ({}): {} games of {} each, one after the other",
                  common::format_duration(result.all_done), manual_loop::clock_face(result.all_done), exhibition.boards,
                  common::format_duration(exhibition.move_pairs * (exhibition.master_move + exhibition.opponent_move)));
}

void chess_async(common::Context& ctx) {
    const manual_loop::Exhibition exhibition;
    introduce(ctx, exhibition);
    ctx.log.print("asynchronous: she moves, walks to the next board, and comes back when it is her turn");
    const manual_loop::ExhibitionResult result = manual_loop::play_async(exhibition, ctx);
    const int moves = exhibition.boards * exhibition.move_pairs;
    ctx.log.print("Polgár made her last move at {} ({}): {} moves of {}, back to back",
                  common::format_duration(result.master_done), manual_loop::clock_face(result.master_done), moves,
                  common::format_duration(exhibition.master_move));
    ctx.log.print("the last opponent answered {} later: every game over at {}",
                  common::format_duration(result.all_done - result.master_done),
                  manual_loop::clock_face(result.all_done));
}

}  // namespace sections
