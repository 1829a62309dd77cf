#include "course_test.hpp"

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "read_line_or_timeout.hpp"

namespace {

using Lines = std::vector<std::string>;

// The server's side: "first\n" at 1 s, then "sec" at 2.5 s and "ond\n" at 4 s, then EOF at 5 s.
aio::Coroutine<void> slow_talker(aio::StreamReader reader, aio::StreamWriter writer) {
    (void)reader;
    co_await aio::sleep(1.0);
    writer.write("first\n");
    co_await aio::sleep(1.5);
    writer.write("sec");
    co_await aio::sleep(1.5);
    writer.write("ond\n");
    co_await aio::sleep(1.0);
    writer.close();
    co_await writer.wait_closed();
}

std::string shown(const std::optional<std::string>& line) {
    return line ? fmt::format("{:?}", *line) : std::string("nullopt");
}

using Connection = std::pair<aio::StreamReader, aio::StreamWriter>;

aio::Coroutine<void> close_both(Connection& connection, aio::Server& server) {
    connection.second.close();
    co_await connection.second.wait_closed();
    server.close();
    co_await server.wait_closed();
}

aio::Coroutine<Lines> read_with_deadlines(std::vector<double> timeouts) {
    aio::Server server = co_await aio::start_server(slow_talker, "127.0.0.1", 0);
    Connection connection = co_await aio::open_connection("127.0.0.1", server.port());
    Lines lines;
    for (const double timeout : timeouts) {
        const std::optional<std::string> line = co_await exercises::read_line_or_timeout(connection.first, timeout);
        lines.push_back(fmt::format("{}s {}", aio::time(), shown(line)));
    }
    co_await close_both(connection, server);
    co_return lines;
}

// The reading task is cancelled at 0.5 s, before its deadline: that is a cancellation, not a
// timeout, and the line still comes whole to the next read.
aio::Coroutine<Lines> cancelled_while_reading() {
    aio::Server server = co_await aio::start_server(slow_talker, "127.0.0.1", 0);
    Connection connection = co_await aio::open_connection("127.0.0.1", server.port());
    Lines lines;
    aio::Task<std::optional<std::string>> reading =
        aio::create_task(exercises::read_line_or_timeout(connection.first, 10.0));
    co_await aio::sleep(0.5);
    reading.cancel();
    try {
        const std::optional<std::string> line = co_await reading;
        lines.push_back(fmt::format("{}s returned {}", aio::time(), shown(line)));
    } catch (const aio::CancelledError&) {
        lines.push_back(fmt::format("{}s CancelledError, cancelled() = {}", aio::time(), reading.cancelled()));
    }
    const std::optional<std::string> line = co_await exercises::read_line_or_timeout(connection.first, 10.0);
    lines.push_back(fmt::format("{}s {}", aio::time(), shown(line)));
    co_await close_both(connection, server);
    co_return lines;
}

// The server's side: a "line" of 70'000 bytes, longer than readline's 64 KiB limit, then silence.
aio::Coroutine<void> endless_line(aio::StreamReader reader, aio::StreamWriter writer) {
    writer.write(std::string(70'000, 'x'));
    co_await writer.drain();
    co_await reader.read(1);  // until the client goes
    writer.close();
    co_await writer.wait_closed();
}

aio::Coroutine<std::string> read_too_long_line() {
    aio::Server server = co_await aio::start_server(endless_line, "127.0.0.1", 0);
    Connection connection = co_await aio::open_connection("127.0.0.1", server.port());
    std::string outcome;
    try {
        const std::optional<std::string> line = co_await exercises::read_line_or_timeout(connection.first, 10.0);
        outcome = fmt::format("{}s returned {}", aio::time(), line ? "a line" : "nullopt");
    } catch (const aio::LimitOverrunError&) {
        outcome = fmt::format("{}s LimitOverrunError", aio::time());
    }
    co_await close_both(connection, server);
    co_return outcome;
}

}  // namespace

TEST_CASE("read_line_or_timeout returns a line that comes in time, at the time it comes") {
    CHECK(aio::run(read_with_deadlines({2.0}), {.virtual_time = true}) == Lines{R"(1s "first\n")"});
}

TEST_CASE("read_line_or_timeout gives nullopt at the deadline, and the half line it saw is not lost") {
    CHECK(aio::run(read_with_deadlines({2.0, 0.5, 1.5, 10.0}), {.virtual_time = true}) ==
          Lines{R"(1s "first\n")", "1.5s nullopt", "3s nullopt", R"(4s "second\n")"});
}

TEST_CASE("read_line_or_timeout returns an empty line at EOF: the end of the stream is no timeout") {
    CHECK(aio::run(read_with_deadlines({2.0, 10.0, 10.0}), {.virtual_time = true}) ==
          Lines{R"(1s "first\n")", R"(4s "second\n")", R"(5s "")"});
}

TEST_CASE("read_line_or_timeout lets a cancellation through: it is no timeout, and the line is not lost") {
    CHECK(aio::run(cancelled_while_reading(), {.virtual_time = true}) ==
          Lines{"0.5s CancelledError, cancelled() = true", R"(1s "first\n")"});
}

TEST_CASE("read_line_or_timeout lets a connection's error through: only the deadline gives nullopt") {
    CHECK(aio::run(read_too_long_line(), {.virtual_time = true}) == "0s LimitOverrunError");
}
