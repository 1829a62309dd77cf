// Every await of a stream can be cancelled or put under wait_for, and loses nothing: the bytes
// that arrive after a cancelled read, or that a cancelled read had received already, are there
// for the next read.
#include "course_test.hpp"

#include <string>
#include <utility>

#include <fmt/format.h>

#include "aio/aio.hpp"
#include "aio/server.hpp"
#include "aio/streams.hpp"
#include "story.hpp"
#include "stream_helpers.hpp"

namespace {

using story::Lines;
using story::note;
using streams_test::NoFdLeaked;

// Writes `text` at each of the given times, then closes.
aio::Coroutine<void> send_at(std::vector<std::pair<double, std::string>> plan, aio::StreamReader /*reader*/,
                             aio::StreamWriter writer) {
    for (const auto& [when, text] : plan) {
        co_await aio::sleep(when - aio::time());
        writer.write(text);
    }
    writer.close();
}

aio::ClientConnected sending_at(std::vector<std::pair<double, std::string>> plan) {
    return [plan](aio::StreamReader reader, aio::StreamWriter writer) {
        return send_at(plan, std::move(reader), std::move(writer));
    };
}

aio::Coroutine<std::string> read_and_log(Lines& lines, aio::StreamReader reader) {
    try {
        std::string data = co_await reader.read(100);
        co_return data;
    } catch (const aio::CancelledError&) {
        note(lines, "read cancelled");
        throw;
    }
}

aio::Coroutine<void> cancelled_read(Lines& lines, aio::ClientConnected handler) {
    aio::Server server = co_await aio::start_server(std::move(handler), "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    aio::Task<std::string> reading = aio::create_task(read_and_log(lines, connection.first));
    co_await aio::sleep(1.0);
    reading.cancel();
    try {
        co_await reading;
    } catch (const aio::CancelledError&) {
        note(lines, fmt::format("task cancelled {}", reading.cancelled()));
    }
    // The same reader waits again: the cancelled wait left nothing registered behind.
    const std::string late = co_await connection.first.read(100);
    note(lines, "read " + late);
}

aio::Coroutine<void> read_with_deadline(Lines& lines, aio::ClientConnected handler) {
    aio::Server server = co_await aio::start_server(std::move(handler), "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    try {
        co_await aio::wait_for(connection.first.read(10), 1.5);
    } catch (const aio::TimeoutError&) {
        note(lines, "read: TimeoutError");
    }
    // readexactly has "abc" in hand when its deadline comes: the next read gets it.
    try {
        co_await aio::wait_for(connection.first.readexactly(6), 1.0);
    } catch (const aio::TimeoutError&) {
        note(lines, "readexactly: TimeoutError");
    }
    const std::string six = co_await connection.first.readexactly(6);
    note(lines, "readexactly " + six);
}

aio::Coroutine<void> close_wakes_reader(Lines& lines) {
    aio::Server server = co_await aio::start_server(streams_test::echo, "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    aio::Task<std::string> reading = aio::create_task(read_and_log(lines, connection.first));
    co_await aio::sleep(1.0);
    connection.second.close();
    const std::string read = co_await reading;
    note(lines, fmt::format("the reader woke with \"{}\"", read));
    co_await connection.second.wait_closed();
    note(lines, "closed");
}

aio::Coroutine<void> cancelled_serve_forever(Lines& lines) {
    aio::Server server = co_await aio::start_server(streams_test::echo, "127.0.0.1", 0);
    const int port = server.port();
    aio::Task<void> serving = aio::create_task(server.serve_forever());
    co_await aio::sleep(1.0);
    serving.cancel();
    try {
        co_await serving;
    } catch (const aio::CancelledError&) {
        note(lines, fmt::format("serve_forever cancelled, serving {}", server.is_serving()));
    }
    try {
        co_await aio::open_connection("127.0.0.1", port);
    } catch (const aio::ConnectionRefusedError&) {
        note(lines, "refused");
    }
}

}  // namespace

TEST_CASE("a cancelled read leaves no wait behind: the bytes that come later are read by the next read") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(cancelled_read(lines, sending_at({{2.0, "late"}})), {.virtual_time = true});
    CHECK(lines == Lines{"1.0s read cancelled", "1.0s task cancelled true", "2.0s read late"});
}

TEST_CASE(
    "wait_for on a read raises TimeoutError at the exact deadline: bytes received meanwhile stay for the next read") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(read_with_deadline(lines, sending_at({{2.0, "abc"}, {3.0, "def"}})), {.virtual_time = true});
    CHECK(lines == Lines{"1.5s read: TimeoutError", "2.5s readexactly: TimeoutError", "3.0s readexactly abcdef"});
}

TEST_CASE("close() of the writer wakes a task reading from the same connection, with EOF") {
    const NoFdLeaked no_leak;
    CHECK(story::told(close_wakes_reader) == Lines{"1.0s the reader woke with \"\"", "1.0s closed"});
}

TEST_CASE("cancelling serve_forever closes the server: nobody accepts on its port any more") {
    const NoFdLeaked no_leak;
    CHECK(story::told(cancelled_serve_forever) == Lines{"1.0s serve_forever cancelled, serving false", "1.0s refused"});
}
