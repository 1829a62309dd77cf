// The chess exhibition: one master against many opponents, played one board at a time
// (synchronous) or all boards at once on the TimerLoop (asynchronous).
// Used by the sections "chess_sync" and "chess_async".
#pragma once

#include <string>

#include "common/lesson.hpp"

namespace manual_loop {

struct Exhibition {
    int boards = 24;
    int move_pairs = 30;          // per game: the master moves, then the opponent answers
    double master_move = 5.0;     // seconds: she is quick, and busy while she thinks
    double opponent_move = 55.0;  // seconds: the master need not stand there meanwhile
};

struct ExhibitionResult {
    double master_done = 0.0;  // when the master made her last move
    double all_done = 0.0;     // when the last opponent answered it
    double master_busy = 0.0;  // the time she spent making moves
    int master_moves = 0;
};

// The master stays at each board until its game is over, then walks to the next.
ExhibitionResult play_sync(const Exhibition& exhibition, common::Context& ctx);
// The master makes a move and walks on; every board is a task on one TimerLoop.
ExhibitionResult play_async(const Exhibition& exhibition, common::Context& ctx);

// "1:00:55": hours, minutes and seconds, how a tournament clock shows it.
std::string clock_face(double seconds);

}  // namespace manual_loop
