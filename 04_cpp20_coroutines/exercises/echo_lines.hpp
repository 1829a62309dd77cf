// Exercise: a line-based echo server's handler, the kind start_server runs for each connection.
//
// Python:
//     async def echo_lines(reader, writer):
//         while line := await reader.readline():
//             writer.write(line.upper())
//             await writer.drain()
//         writer.close()
//         await writer.wait_closed()
//
// Each line that comes in goes back upper-cased ("hello\n" -> "HELLO\n"), as soon as it is
// complete; a last line without '\n' before EOF goes back too. At EOF the handler closes its
// side, so the client's reads end. drain() after each write: a client that never reads must
// not make the server buffer without end.
// Run its tests: ./course exercise echo_lines
#pragma once

#include "aio/aio.hpp"
#include "aio/streams.hpp"
#include "common/todo.hpp"

namespace exercises {

inline aio::Coroutine<void> echo_lines(aio::StreamReader reader, aio::StreamWriter writer) {
    // TODO: readline() until it returns "" (EOF); write each line upper-cased and drain();
    // then close() and wait_closed().
    (void)reader;
    (void)writer;
    common::todo("echo_lines(reader, writer)");
    co_return;
}

}  // namespace exercises
