#include "course_test.hpp"

#include <cctype>
#include <cstddef>
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

// 32 MiB of 1 KiB lines, more than twice what the four socket buffers between the client and the
// handler held on this course's Linux machine (about 12 MiB, measured with asyncio), so the
// handler's writes back must wait for the client.
constexpr std::size_t slow_reader_lines = 32 * 1024;

std::string numbered_line(std::size_t index) { return fmt::format("{:0>1023}\n", fmt::format("line {}", index)); }

// A client that writes everything at once and does not read for 5 s: with back-pressure the
// handler stops reading while its answers wait, so the client's own drain() cannot finish.
aio::Coroutine<Lines> does_not_read_for_a_while(Connection& connection) {
    auto& [reader, writer] = connection;
    Lines lines;
    std::string all;
    all.reserve(slow_reader_lines * 1024);
    for (std::size_t i = 0; i < slow_reader_lines; ++i) all += numbered_line(i);
    writer.write(all);
    all.clear();
    all.shrink_to_fit();
    try {
        co_await aio::wait_for(writer.drain(), 5.0);
        lines.push_back(fmt::format("{}s: everything sent, though the client read nothing", aio::time()));
    } catch (const aio::TimeoutError&) {
        lines.push_back(fmt::format("{}s: still sending: the handler waits for the client to read", aio::time()));
    }
    writer.write_eof();  // after what is still buffered
    std::size_t bytes = 0;
    std::size_t lines_back = 0;
    std::string last;
    while (true) {
        std::string line = co_await reader.readline();
        if (line.empty()) break;
        bytes += line.size();
        ++lines_back;
        last = std::move(line);
    }
    std::string expected_last = numbered_line(slow_reader_lines - 1);
    for (char& c : expected_last) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    lines.push_back(fmt::format("{}s: {} lines, {} bytes back, the last one right: {}", aio::time(), lines_back, bytes,
                                last == expected_last));
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

TEST_CASE("echo_lines drains: a client that does not read stops the handler, which stops reading it") {
    CHECK(aio::run(with_echo_server(does_not_read_for_a_while), {.virtual_time = true}) ==
          Lines{"5s: still sending: the handler waits for the client to read",
                fmt::format("5s: {} lines, {} bytes back, the last one right: true", slow_reader_lines,
                            slow_reader_lines * 1024)});
}
