// Back-pressure: write() never waits, the bytes the socket cannot take wait in the writer's
// buffer, drain() returns once the peer has taken them, and close() sends them all first.
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

constexpr std::size_t eight_mib = 8 * 1024 * 1024;

// Eight MiB that are not all alike, so a lost or reordered piece shows.
std::string payload() {
    std::string data(eight_mib, '\0');
    for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<char>('a' + (i / 1000) % 26);
    return data;
}

// Starts reading a second late, then reads until EOF; says what it got.
aio::Coroutine<void> slow_reader(Lines& lines, aio::StreamReader reader, aio::StreamWriter writer) {
    co_await aio::sleep(1.0);
    std::string received;
    while (true) {
        const std::string data = co_await reader.read(1 << 20);
        if (data.empty()) break;
        received += data;
    }
    note(lines, fmt::format("server read {} bytes, intact {}", received.size(), received == payload()));
    writer.close();
}

aio::ClientConnected reading_slowly(Lines& lines) {
    return [&lines](aio::StreamReader reader, aio::StreamWriter writer) {
        return slow_reader(lines, std::move(reader), std::move(writer));
    };
}

aio::Coroutine<void> drain_waits(Lines& lines) {
    aio::Server server = co_await aio::start_server(reading_slowly(lines), "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    connection.second.write(payload());
    note(lines, "written");
    co_await connection.second.drain();
    note(lines, "drained");
    co_await streams_test::close_both(connection.second, server);
}

aio::Coroutine<void> close_flushes(Lines& lines) {
    aio::Server server = co_await aio::start_server(reading_slowly(lines), "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    connection.second.write(payload());
    connection.second.close();
    note(lines, fmt::format("written and closed, is_closing {}", connection.second.is_closing()));
    co_await connection.second.wait_closed();
    note(lines, "socket closed");
    server.close();
    co_await server.wait_closed();
}

aio::Coroutine<void> drain_cancelled(Lines& lines) {
    aio::Server server = co_await aio::start_server(reading_slowly(lines), "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    connection.second.write(payload());
    try {
        co_await aio::wait_for(connection.second.drain(), 0.5);
    } catch (const aio::TimeoutError&) {
        note(lines, "drain: TimeoutError");
    }
    co_await streams_test::close_both(connection.second, server);
}

}  // namespace

TEST_CASE("an 8 MiB write returns at once, and drain() waits until the slow reader has taken it") {
    const NoFdLeaked no_leak;
    CHECK(story::told(drain_waits) ==
          Lines{"0.0s written", "1.0s drained", "1.0s server read 8388608 bytes, intact true"});
}

TEST_CASE("close() sends everything written first, then closes: the reader gets all 8 MiB, then EOF") {
    const NoFdLeaked no_leak;
    CHECK(story::told(close_flushes) == Lines{"0.0s written and closed, is_closing true", "1.0s socket closed",
                                              "1.0s server read 8388608 bytes, intact true"});
}

TEST_CASE("a drain() cut short by wait_for cancels only the wait: every byte still goes out") {
    const NoFdLeaked no_leak;
    CHECK(story::told(drain_cancelled) ==
          Lines{"0.5s drain: TimeoutError", "1.0s server read 8388608 bytes, intact true"});
}
