// aio's streams read and write as asyncio's do: a client and a server on one loop, on virtual
// time, so every wait in these tests happens at an exact moment.
#include "course_test.hpp"

#include <array>
#include <cstdint>
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
using streams_test::echo;
using streams_test::NoFdLeaked;

// Writes `parts` one per second, then closes.
aio::Coroutine<void> send_parts(std::vector<std::string> parts, aio::StreamReader /*reader*/,
                                aio::StreamWriter writer) {
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i != 0) co_await aio::sleep(1.0);
        writer.write(parts[i]);
    }
    writer.close();
}

aio::ClientConnected sending(std::vector<std::string> parts) {
    return [parts](aio::StreamReader reader, aio::StreamWriter writer) {
        return send_parts(parts, std::move(reader), std::move(writer));
    };
}

aio::Coroutine<void> ping_pong(Lines& lines) {
    aio::Server server = co_await aio::start_server(echo, "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    auto& [reader, writer] = connection;
    writer.write("ping");
    const std::string answer = co_await reader.read(100);
    note(lines, "read " + answer);
    writer.write_eof();
    const std::string last = co_await reader.read(100);
    note(lines, fmt::format("read \"{}\", at_eof {}", last, reader.at_eof()));
    co_await streams_test::close_both(writer, server);
    note(lines, "closed");
}

aio::Coroutine<void> read_lines(Lines& lines, aio::ClientConnected handler) {
    aio::Server server = co_await aio::start_server(std::move(handler), "localhost", 0);
    auto connection = co_await aio::open_connection("localhost", server.port());
    while (true) {
        const std::string line = co_await connection.first.readline();
        note(lines, fmt::format("\"{}\"", line));
        if (line.empty()) break;
    }
}

aio::Coroutine<void> read_exactly(Lines& lines, aio::ClientConnected handler) {
    aio::Server server = co_await aio::start_server(std::move(handler), "::1", 0);
    auto connection = co_await aio::open_connection("::1", server.port());
    const std::string six = co_await connection.first.readexactly(6);
    note(lines, six);
    try {
        co_await connection.first.readexactly(5);
    } catch (const aio::IncompleteReadError& error) {
        note(lines, fmt::format("IncompleteReadError partial \"{}\" expected {}: {}", error.partial(), error.expected(),
                                error.what()));
    }
    const std::string rest = co_await connection.first.read(10);
    note(lines, fmt::format("then \"{}\"", rest));
}

aio::Coroutine<void> read_pieces(Lines& lines, aio::ClientConnected handler) {
    aio::Server server = co_await aio::start_server(std::move(handler), "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    aio::StreamReader& reader = connection.first;
    const std::string four = co_await reader.read(4);
    const std::string zero = co_await reader.read(0);
    const std::string rest = co_await reader.read(100);
    const std::string end = co_await reader.read(100);
    note(lines, fmt::format("\"{}\" \"{}\" \"{}\" \"{}\"", four, zero, rest, end));
}

aio::Coroutine<void> read_into(Lines& lines, aio::ClientConnected handler) {
    aio::Server server = co_await aio::start_server(std::move(handler), "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    std::array<char, 3> memory{};
    while (true) {
        const std::size_t n = co_await connection.first.read_into(memory);
        note(lines, fmt::format("{} \"{}\"", n, std::string_view(memory.data(), n)));
        if (n == 0) break;
    }
}

aio::Coroutine<void> long_line(Lines& lines, aio::ClientConnected handler) {
    aio::Server server = co_await aio::start_server(std::move(handler), "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    try {
        co_await connection.first.readline();
    } catch (const aio::LimitOverrunError& error) {
        note(lines, fmt::format("LimitOverrunError at {}: {}", error.consumed(), error.what()));
    }
    const std::string next = co_await connection.first.readline();
    note(lines, fmt::format("then \"{}\"", next));
}

// 70'000 bytes without a '\n', and the '\n' a second later: the reader gives up on the line when
// it holds more than the limit (N bytes, however the kernel cut them), and drops those.
aio::Coroutine<void> unended_line(Lines& lines, aio::ClientConnected handler) {
    aio::Server server = co_await aio::start_server(std::move(handler), "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    std::size_t dropped = 0;
    try {
        co_await connection.first.readline();
    } catch (const aio::LimitOverrunError& error) {
        dropped = error.consumed();
        const std::string expected = fmt::format(
            "readline: no '\\n' in the first {} bytes, more than the limit of 65536 (asyncio: Separator is not "
            "found, and chunk exceed the limit)",
            dropped);
        note(lines, fmt::format("LimitOverrunError, N > 65536 {}, message as expected {}", dropped > 65536,
                                error.what() == expected));
    }
    const std::string rest = co_await connection.first.readline();
    if (rest.find_first_not_of('x') == rest.size() - 1 && dropped + rest.size() - 1 == 70'000) {
        note(lines, "then the rest of that line, N + rest = 70000");
    }
    const std::string next = co_await connection.first.readline();
    note(lines, fmt::format("then \"{}\"", next));
}

// The peer's bytes and its FIN are both in before the first read: epoll reports them with one
// edge, and the read of the bytes comes back short although the EOF is still to be read.
aio::Coroutine<void> bytes_then_eof(Lines& lines, aio::ClientConnected handler) {
    aio::Server server = co_await aio::start_server(std::move(handler), "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    co_await aio::sleep(1.0);
    const std::string bytes = co_await connection.first.read(100);
    const std::string eof = co_await connection.first.read(100);
    note(lines, fmt::format("\"{}\" then \"{}\"", bytes, eof));
}

// 100 round trips of 64 bytes, after one to warm up; returns the system calls they cost.
aio::Coroutine<std::uint64_t> round_trips() {
    aio::Server server = co_await aio::start_server(echo, "127.0.0.1", 0);
    auto connection = co_await aio::open_connection("127.0.0.1", server.port());
    const std::string message(64, 'x');
    std::uint64_t before = 0;
    for (int trip = 0; trip <= 100; ++trip) {
        if (trip == 1) before = aio::get_running_loop().syscalls();
        connection.second.write(message);
        const std::string answer = co_await connection.first.readexactly(64);
        REQUIRE(answer == message);
    }
    const std::uint64_t cost = aio::get_running_loop().syscalls() - before;
    connection.second.close();
    co_return cost;
}

}  // namespace

TEST_CASE("a client and a server on one loop: the echo comes back, and after write_eof the peer's close reads \"\"") {
    const NoFdLeaked no_leak;
    CHECK(story::told(ping_pong) == Lines{"0.0s read ping", "0.0s read \"\", at_eof true", "0.0s closed"});
}

TEST_CASE("readline returns each line through its '\\n', then the last one without it, then \"\" at EOF") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(read_lines(lines, sending({"one\ntw", "o\nthree"})), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s \"one\n\"", "1.0s \"two\n\"", "1.0s \"three\"", "1.0s \"\""});
}

TEST_CASE("readexactly waits for n bytes: EOF first raises IncompleteReadError with what came, which is consumed") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(read_exactly(lines, sending({"abc", "def", "gh"})), {.virtual_time = true});
    CHECK(lines ==
          Lines{"1.0s abcdef",
                "2.0s IncompleteReadError partial \"gh\" expected 5: IncompleteReadError: 2 bytes read on a total "
                "of 5 expected bytes",
                "2.0s then \"\""});
}

TEST_CASE("read(n) returns at most n bytes, leaves the rest for the next read, and \"\" for n = 0 and at EOF") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(read_pieces(lines, sending({"abcdef"})), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s \"abcd\" \"\" \"ef\" \"\""});
}

TEST_CASE("read_into fills the caller's memory a piece at a time and returns 0 at EOF") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(read_into(lines, sending({"hello", "world"})), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s 3 \"hel\"", "0.0s 2 \"lo\"", "1.0s 3 \"wor\"", "1.0s 2 \"ld\"", "1.0s 0 \"\""});
}

TEST_CASE("readline refuses a line longer than 64 KiB, drops it through its '\\n', and reads the next one") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(long_line(lines, sending({std::string(70'000, 'x') + "\nnext\n"})), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s LimitOverrunError at 70000: readline: a line of 70000 bytes is longer than the limit "
                         "of 65536 (asyncio: Separator is found, but chunk is longer than limit)",
                         "0.0s then \"next\n\""});
}

TEST_CASE("readline with no '\\n' in more than 64 KiB drops what it has and raises LimitOverrunError") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(unended_line(lines, sending({std::string(70'000, 'x'), "\nnext\n"})), {.virtual_time = true});
    CHECK(lines == Lines{"0.0s LimitOverrunError, N > 65536 true, message as expected true",
                         "1.0s then the rest of that line, N + rest = 70000", "1.0s then \"next\n\""});
}

TEST_CASE("bytes and the peer's FIN that arrive together read as the bytes, then \"\": a short read is not EOF") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(bytes_then_eof(lines, sending({"last words"})), {.virtual_time = true});
    CHECK(lines == Lines{"1.0s \"last words\" then \"\""});
}

TEST_CASE("a 64-byte round trip costs 6 system calls: a send and a recv on each side, and an epoll_wait for each") {
    const NoFdLeaked no_leak;
    CHECK(aio::run(round_trips(), {.virtual_time = true}) == 600);
}
