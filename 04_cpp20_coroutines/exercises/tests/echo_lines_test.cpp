#include "course_test.hpp"

#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "echo_lines.hpp"

namespace {

using Lines = std::vector<std::string>;
using Connection = std::pair<aio::StreamReader, aio::StreamWriter>;

// A client of echo_lines on the same loop, on virtual time: `talk` writes and reads, and what it
// reads is noted with the time. A deadline ends a talk that would wait forever (a stub that
// never answers) with TimeoutError instead of a hang.
aio::Coroutine<Lines> with_echo_server(aio::Coroutine<Lines> (*talk)(Connection&)) {
    aio::Server server = co_await aio::start_server(exercises::echo_lines, "127.0.0.1", 0);
    Connection connection = co_await aio::open_connection("127.0.0.1", server.port());
    Lines lines = co_await aio::wait_for(talk(connection), 10.0);
    connection.second.close();
    co_await connection.second.wait_closed();
    server.close();
    co_await server.wait_closed();
    co_return lines;
}

aio::Coroutine<std::string> read_noted(aio::StreamReader& reader, Lines& lines) {
    std::string line = co_await reader.readline();
    lines.push_back(fmt::format("{}s {:?}", aio::time(), line));
    co_return line;
}

aio::Coroutine<Lines> two_lines_in_pieces(Connection& connection) {
    Lines lines;
    auto& [reader, writer] = connection;
    writer.write("hello\n");
    co_await read_noted(reader, lines);
    writer.write("wor");
    co_await aio::sleep(1.0);
    writer.write("ld, 42 times\n");
    co_await read_noted(reader, lines);
    co_return lines;
}

aio::Coroutine<Lines> last_line_then_eof(Connection& connection) {
    Lines lines;
    auto& [reader, writer] = connection;
    writer.write("first\nbye");
    writer.write_eof();
    for (int i = 0; i < 3; ++i) co_await read_noted(reader, lines);
    co_return lines;
}

aio::Coroutine<Lines> many_lines(Connection& connection) {
    auto& [reader, writer] = connection;
    std::string all;
    for (int i = 0; i < 20'000; ++i) all += fmt::format("line {} of many\n", i);
    writer.write(all);  // about 350 kB at once: more than a socket buffer holds
    writer.write_eof();
    Lines lines;
    while (true) {
        std::string line = co_await reader.readline();
        if (line.empty()) break;
        lines.push_back(std::move(line));
    }
    co_return lines;
}

}  // namespace

TEST_CASE("echo_lines sends each line back upper-cased as soon as the line is complete") {
    CHECK(aio::run(with_echo_server(two_lines_in_pieces), {.virtual_time = true}) ==
          Lines{R"(0s "HELLO\n")", R"(1s "WORLD, 42 TIMES\n")"});
}

TEST_CASE("echo_lines echoes a last line without newline, then closes at EOF") {
    CHECK(aio::run(with_echo_server(last_line_then_eof), {.virtual_time = true}) ==
          Lines{R"(0s "FIRST\n")", R"(0s "BYE")", R"(0s "")"});
}

TEST_CASE("echo_lines returns 20000 lines in order, more than the socket buffers hold at once") {
    const Lines lines = aio::run(with_echo_server(many_lines), {.virtual_time = true});
    REQUIRE(lines.size() == 20'000);
    CHECK(lines.front() == "LINE 0 OF MANY\n");
    CHECK(lines[12'345] == "LINE 12345 OF MANY\n");
    CHECK(lines.back() == "LINE 19999 OF MANY\n");
}
