// Exercise: a relay, the heart of a proxy: what one side sends, the other side gets.
//
// relay(client_reader, client_writer, upstream_port) is a handler for start_server. It connects
// to 127.0.0.1:upstream_port and then copies bytes both ways at once, as they come, until both
// directions have ended:
// - an EOF from one side goes on to the other side as a half-close, and the other direction goes
//   on: a client that has said all it had to say still gets the answer, and an upstream that has
//   said all it had to say still hears the client;
// - a side that fails (it reset its connection) ends both directions: the other side learns at
//   once that the relay is gone, instead of waiting for bytes that will never come;
// - when the upstream cannot be reached, the client's connection is closed at once;
// - a side that does not read slows the other side down: the relay does not buffer without end.
// The relay returns once both connections are closed. A reset is a routine end for a relay: no
// connection error escapes it. A cancellation does.
// Run its tests: ./course exercise relay
#pragma once

#include "aio/aio.hpp"
#include "aio/streams.hpp"
#include "common/todo.hpp"

namespace exercises {

inline aio::Coroutine<void> relay(aio::StreamReader client_reader, aio::StreamWriter client_writer, int upstream_port) {
    // TODO: your design. Section 9's page server and its client, and part 2's gather, are the
    // pieces; exercises/HINTS.md has hints, in steps.
    (void)client_reader;
    (void)client_writer;
    (void)upstream_port;
    common::todo("relay(client_reader, client_writer, upstream_port)");
    co_return;
}

}  // namespace exercises
