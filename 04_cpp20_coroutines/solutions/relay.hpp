// Solution: relay, a start_server handler that copies both ways to an upstream server, passes a
// half-close on, and ends both sides when one fails.
#pragma once

#include <exception>
#include <optional>
#include <string>
#include <utility>

#include "aio/aio.hpp"
#include "aio/streams.hpp"

namespace exercises {

namespace relay_parts {

// One direction: what `from` sends goes to `to` as it comes; `from`'s EOF goes on as a half-close.
inline aio::Coroutine<void> copy(aio::StreamReader from, aio::StreamWriter to) {
    while (true) {
        const std::string chunk = co_await from.read(64 * 1024);
        if (chunk.empty()) break;  // EOF
        to.write(chunk);
        co_await to.drain();  // back-pressure: a side that does not read slows the sender down
    }
    to.write_eof();  // half-close: the other direction goes on
}

// A direction that fails ends both: closing both connections wakes the other direction's read
// with EOF, so it ends too, and both peers learn at once that the relay is gone.
inline aio::Coroutine<void> copy_or_end_both(aio::StreamReader from, aio::StreamWriter to,
                                             aio::StreamWriter from_writer) {
    bool failed = false;
    try {
        co_await copy(from, to);
    } catch (const std::exception&) {  // a reset, or a write after the other direction closed;
        failed = true;                 // never a cancellation (no std::exception)
    }
    if (failed) {
        to.close();
        from_writer.close();
    }
}

}  // namespace relay_parts

inline aio::Coroutine<void> relay(aio::StreamReader client_reader, aio::StreamWriter client_writer, int upstream_port) {
    std::optional<std::pair<aio::StreamReader, aio::StreamWriter>> upstream;
    try {
        upstream = co_await aio::open_connection("127.0.0.1", upstream_port);
    } catch (const std::exception&) {  // nobody listens there: upstream stays empty
    }
    if (!upstream) {
        client_writer.close();
        co_await client_writer.wait_closed();
        co_return;
    }
    aio::StreamReader& upstream_reader = upstream->first;
    aio::StreamWriter& upstream_writer = upstream->second;
    // Both directions at once: either may be the one that has something to say.
    co_await aio::gather(relay_parts::copy_or_end_both(client_reader, upstream_writer, client_writer),
                         relay_parts::copy_or_end_both(upstream_reader, client_writer, upstream_writer));
    client_writer.close();
    upstream_writer.close();
    // After a reset, wait_closed() raises it again, as asyncio's does: the relay knows already.
    try {
        co_await client_writer.wait_closed();
    } catch (const std::exception&) {}
    try {
        co_await upstream_writer.wait_closed();
    } catch (const std::exception&) {}
}

}  // namespace exercises
