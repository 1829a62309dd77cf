// Exercise: a chat room, one line server for many clients at once.
//
// A ChatRoom serves every connection of one start_server (bind it with a lambda that calls
// room.serve(reader, writer)). A client's first line is its name; the client is in the room from
// then on, and the others get "<name> joined\n". Every later line it sends goes at once to every
// other client in the room, as "<name>: <line>" (a last line without '\n' gets one); never back
// to the sender. When a client leaves, by EOF or by resetting its connection, it is out of the
// room, the others get "<name> left\n", and the room goes on for them: a reset is a routine
// event, not an error of the room. The handler closes the connection of a client that left.
// members() is how many clients are in the room now.
// Run its tests: ./course exercise chat_room
#pragma once

#include <cstddef>

#include "aio/aio.hpp"
#include "aio/streams.hpp"
#include "common/todo.hpp"

namespace exercises {

class ChatRoom {
public:
    aio::Coroutine<void> serve(aio::StreamReader reader, aio::StreamWriter writer) {
        // TODO: your design: what the room keeps, and how a client gets in and out of it, on
        // every path out. exercises/HINTS.md has hints, in steps.
        (void)reader;
        (void)writer;
        common::todo("ChatRoom::serve(reader, writer)");
        co_return;
    }
    [[nodiscard]] std::size_t members() const { common::todo("ChatRoom::members()"); }
};

}  // namespace exercises
