#include "course_test.hpp"

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "relay.hpp"
#include "resetting_client.hpp"

namespace {

using Lines = std::vector<std::string>;
using Connection = std::pair<aio::StreamReader, aio::StreamWriter>;

// What the upstream servers below heard, with the virtual time: read by the tests once every
// server has closed.
Lines heard;

// What the loop's exception handler got: a handler that lets an error escape is reported there.
// A relay lets none escape, so the tests expect these lines never to appear.
Lines reported;

void report_to_lines() {
    reported.clear();
    aio::get_running_loop().set_exception_handler(
        [](const aio::ErrorContext& error) { reported.push_back("reported: " + error.describe()); });
}

Lines with_reports(Lines lines) {
    lines.insert(lines.end(), reported.begin(), reported.end());
    return lines;
}

void note(Lines& lines, const std::string& what) { lines.push_back(fmt::format("{}s {}", aio::time(), what)); }

// Upstream: answers every chunk upper-cased, closes at EOF.
aio::Coroutine<void> shouting_upstream(aio::StreamReader reader, aio::StreamWriter writer) {
    while (true) {
        std::string chunk = co_await reader.read(1024);
        if (chunk.empty()) break;
        for (char& c : chunk) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        writer.write(chunk);
        co_await writer.drain();
    }
    writer.close();
    co_await writer.wait_closed();
}

// Upstream: reads until EOF, and only then, a second later, says how much it got.
aio::Coroutine<void> counting_upstream(aio::StreamReader reader, aio::StreamWriter writer) {
    std::size_t bytes = 0;
    while (true) {
        const std::string chunk = co_await reader.read(1024);
        if (chunk.empty()) break;
        bytes += chunk.size();
    }
    note(heard, "EOF");
    co_await aio::sleep(1.0);
    writer.write(fmt::format("got {} bytes\n", bytes));
    writer.close();
    co_await writer.wait_closed();
}

// Upstream: says hello, half-closes, then listens until EOF and notes what it heard.
aio::Coroutine<void> greeting_upstream(aio::StreamReader reader, aio::StreamWriter writer) {
    writer.write("banner\n");
    writer.write_eof();
    while (true) {
        const std::string line = co_await reader.readline();
        note(heard, fmt::format("{:?}", line));
        if (line.empty()) break;
    }
    writer.close();
    co_await writer.wait_closed();
}

// Upstream: notes what it reads and how the reading ended, a reset as much as an EOF.
aio::Coroutine<void> listening_upstream(aio::StreamReader reader, aio::StreamWriter writer) {
    try {
        while (true) {
            const std::string chunk = co_await reader.read(1024);
            note(heard, fmt::format("{:?}", chunk));
            if (chunk.empty()) break;
        }
    } catch (const aio::ConnectionResetError&) {
        note(heard, "reset");
    }
    writer.close();
    co_await writer.wait_closed();
}

using Handler = aio::Coroutine<void> (*)(aio::StreamReader, aio::StreamWriter);
using Talk = aio::Coroutine<Lines> (*)(int relay_port);

// An upstream server, the relay in front of it, and a client talking to the relay: all on one
// loop, on virtual time. A deadline turns a relay that would hang into a TimeoutError.
aio::Coroutine<Lines> through_relay(Handler upstream_handler, Talk talk) {
    heard.clear();
    report_to_lines();
    aio::Server upstream = co_await aio::start_server(upstream_handler, "127.0.0.1", 0);
    const int upstream_port = upstream.port();
    aio::Server relay = co_await aio::start_server(
        [upstream_port](aio::StreamReader reader, aio::StreamWriter writer) {
            return exercises::relay(std::move(reader), std::move(writer), upstream_port);
        },
        "127.0.0.1", 0);
    Lines lines = co_await aio::wait_for(talk(relay.port()), 10.0);
    relay.close();
    upstream.close();
    co_await aio::wait_for(relay.wait_closed(), 10.0);
    co_await aio::wait_for(upstream.wait_closed(), 10.0);
    co_return with_reports(std::move(lines));
}

aio::Coroutine<std::string> read_noted(aio::StreamReader& reader, Lines& lines) {
    std::string line = co_await reader.readline();
    note(lines, fmt::format("{:?}", line));
    co_return line;
}

aio::Coroutine<Lines> two_lines(int relay_port) {
    Connection connection = co_await aio::open_connection("127.0.0.1", relay_port);
    auto& [reader, writer] = connection;
    Lines lines;
    writer.write("hello\n");
    co_await read_noted(reader, lines);
    co_await aio::sleep(1.0);
    writer.write("world\n");
    co_await read_noted(reader, lines);
    writer.write_eof();
    co_await read_noted(reader, lines);
    co_return lines;
}

aio::Coroutine<Lines> say_all_then_listen(int relay_port) {
    Connection connection = co_await aio::open_connection("127.0.0.1", relay_port);
    auto& [reader, writer] = connection;
    Lines lines;
    writer.write("abc");
    writer.write("defg");
    writer.write_eof();
    co_await read_noted(reader, lines);
    co_await read_noted(reader, lines);
    co_return lines;
}

aio::Coroutine<Lines> listen_then_say(int relay_port) {
    Connection connection = co_await aio::open_connection("127.0.0.1", relay_port);
    auto& [reader, writer] = connection;
    Lines lines;
    co_await read_noted(reader, lines);
    co_await read_noted(reader, lines);
    co_await aio::sleep(1.0);
    writer.write("late words\n");
    co_await writer.drain();
    writer.write_eof();
    co_await aio::sleep(1.0);
    co_return lines;
}

aio::Coroutine<Lines> reset_then_another(int relay_port) {
    Lines lines;
    {
        course_test::ResettingClient rude(relay_port);
        co_await aio::sleep(1.0);  // the relay accepts it and connects upstream
        rude.send("partial");
        co_await aio::sleep(1.0);
        rude.reset();
        note(lines, "client 1 reset");
        co_await aio::sleep(1.0);
    }
    Connection connection = co_await aio::open_connection("127.0.0.1", relay_port);
    connection.second.write("still here\n");
    co_await connection.second.drain();
    co_await aio::sleep(1.0);
    connection.second.close();
    co_await connection.second.wait_closed();
    note(lines, "client 2 closed");
    co_await aio::sleep(1.0);
    co_return lines;
}

aio::Coroutine<Lines> nobody_upstream() {
    report_to_lines();
    // A port where nobody listens: bound by a server that is closed again at once.
    aio::Server gone = co_await aio::start_server(listening_upstream, "127.0.0.1", 0);
    const int gone_port = gone.port();
    gone.close();
    co_await gone.wait_closed();
    aio::Server relay = co_await aio::start_server(
        [gone_port](aio::StreamReader reader, aio::StreamWriter writer) {
            return exercises::relay(std::move(reader), std::move(writer), gone_port);
        },
        "127.0.0.1", 0);
    Connection connection = co_await aio::open_connection("127.0.0.1", relay.port());
    Lines lines;
    co_await aio::wait_for(read_noted(connection.first, lines), 10.0);
    relay.close();
    co_await aio::wait_for(relay.wait_closed(), 10.0);
    co_return with_reports(std::move(lines));
}

}  // namespace

TEST_CASE("relay copies both ways as the bytes come, and passes the client's EOF on") {
    CHECK(aio::run(through_relay(shouting_upstream, two_lines), {.virtual_time = true}) ==
          Lines{R"(0s "HELLO\n")", R"(1s "WORLD\n")", R"(1s "")"});
}

TEST_CASE("relay passes the client's half-close on, and the answer that follows still comes back") {
    CHECK(aio::run(through_relay(counting_upstream, say_all_then_listen), {.virtual_time = true}) ==
          Lines{R"(1s "got 7 bytes\n")", R"(1s "")"});
    CHECK(heard == Lines{"0s EOF"});
}

TEST_CASE("relay passes the upstream's half-close on, and the client can still talk after it") {
    CHECK(aio::run(through_relay(greeting_upstream, listen_then_say), {.virtual_time = true}) ==
          Lines{R"(0s "banner\n")", R"(0s "")"});
    CHECK(heard == Lines{R"(1s "late words\n")", R"(1s "")"});
}

TEST_CASE("relay ends the upstream side at once when its client resets, and serves the next client") {
    CHECK(aio::run(through_relay(listening_upstream, reset_then_another), {.virtual_time = true}) ==
          Lines{"2s client 1 reset", "4s client 2 closed"});
    CHECK(heard == Lines{R"(1s "partial")", R"(2s "")", R"(3s "still here\n")", R"(4s "")"});
}

TEST_CASE("relay closes the client's connection at once when nobody listens upstream, and lets no error escape") {
    CHECK(aio::run(nobody_upstream(), {.virtual_time = true}) == Lines{R"(0s "")"});
}
