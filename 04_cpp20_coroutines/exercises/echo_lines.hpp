// Exercise: a line-based echo server's handler, the kind start_server runs for each connection.
//
// Each line that comes in goes back upper-cased ("hello\n" -> "HELLO\n") as soon as it is
// complete; a last line without '\n' before the client's EOF goes back too. The client may
// half-close (send EOF and go on reading): every answer still reaches it, and then the handler
// closes its side, so the client's reads end. A client that sends a lot and reads slowly slows
// the handler down, instead of making it hold every answer in memory.
// Run its tests: ./course exercise echo_lines
#pragma once

#include "aio/aio.hpp"
#include "aio/streams.hpp"
#include "common/todo.hpp"

namespace exercises {

inline aio::Coroutine<void> echo_lines(aio::StreamReader reader, aio::StreamWriter writer) {
    // TODO: your code. Section 9's page server (page_site.cpp) answers one line; this one answers
    // all of them. exercises/HINTS.md has hints, in steps.
    (void)reader;
    (void)writer;
    common::todo("echo_lines(reader, writer)");
    co_return;
}

}  // namespace exercises
