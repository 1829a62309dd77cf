// start_server: one task per connection, closing stops accepting only, a handler's exception
// is reported and the server goes on, and a thousand clients fit on one loop.
#include "course_test.hpp"

#include <sys/resource.h>

#include <optional>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

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

aio::Coroutine<void> close_and_wait(Lines& lines) {
    aio::Server server = co_await aio::start_server(echo, "127.0.0.1", 0);
    const int port = server.port();
    auto connection = co_await aio::open_connection("127.0.0.1", port);
    // One round trip: the server has accepted it (a connection still in the listen backlog
    // would be reset by close(), as with asyncio).
    connection.second.write("hello");
    const std::string hello = co_await connection.first.read(100);
    note(lines, "echo " + hello);
    server.close();
    note(lines, fmt::format("closed, serving {}", server.is_serving()));
    aio::Task<void> waiting = aio::create_task(server.wait_closed());
    try {
        co_await aio::open_connection("127.0.0.1", port);
    } catch (const aio::ConnectionRefusedError&) {
        note(lines, "a new client is refused");
    }
    // The connection made before close() goes on.
    co_await aio::sleep(1.0);
    connection.second.write("still here");
    const std::string echoed = co_await connection.first.read(100);
    note(lines, fmt::format("echo \"{}\", wait_closed done {}", echoed, waiting.done()));
    connection.second.close();
    co_await waiting;
    note(lines, "wait_closed returned: the last handler is done");
}

aio::Coroutine<void> failing_handler(aio::StreamReader reader, aio::StreamWriter /*writer*/) {
    const std::string line = co_await reader.readline();
    throw std::runtime_error("cannot handle " + line.substr(0, line.size() - 1));
}

aio::Coroutine<void> handler_throws(Lines& lines) {
    aio::get_running_loop().set_exception_handler(
        [&lines](const aio::ErrorContext& context) { note(lines, context.describe()); });
    aio::Server server = co_await aio::start_server(failing_handler, "127.0.0.1", 0);
    for (const char* name : {"first", "second"}) {
        auto connection = co_await aio::open_connection("127.0.0.1", server.port());
        connection.second.write(std::string(name) + "\n");
        // The handler's frame is gone with its reader and writer: the connection closes.
        const std::string answer = co_await connection.first.read(100);
        note(lines, fmt::format("{} client reads \"{}\"", name, answer));
    }
    server.close();
    co_await server.wait_closed();
}

aio::Coroutine<std::string> client(int port, int number) {
    auto connection = co_await aio::open_connection("127.0.0.1", port);
    connection.second.write(fmt::format("client {}\n", number));
    std::string line = co_await connection.first.readline();
    connection.second.close();
    co_await connection.second.wait_closed();
    co_return line;
}

aio::Coroutine<std::vector<std::string>> thousand_clients(int count) {
    aio::Server server = co_await aio::start_server(echo, "127.0.0.1", 0);
    std::vector<aio::Coroutine<std::string>> clients;
    for (int i = 0; i < count; ++i) clients.push_back(client(server.port(), i));
    std::vector<std::string> answers = co_await aio::gather(std::move(clients));
    server.close();
    co_await server.wait_closed();
    co_return answers;
}

// Leaves a server, a connection and a handler waiting in read for the loop's end.
using Connection = std::pair<aio::StreamReader, aio::StreamWriter>;

aio::Coroutine<void> left_open(std::optional<aio::Server>& server, std::optional<Connection>& kept) {
    server.emplace(co_await aio::start_server(echo, "127.0.0.1", 0));
    auto connection = co_await aio::open_connection("127.0.0.1", server->port());
    kept = connection;
    connection.second.write("pending");
    co_await aio::sleep(1.0);
}

aio::Coroutine<void> use_elsewhere(Lines& lines, aio::StreamWriter writer, aio::StreamReader reader) {
    try {
        writer.write("anyone?");
    } catch (const std::logic_error& error) {
        note(lines, error.what());
    }
    try {
        co_await reader.read(10);
    } catch (const std::logic_error& error) {
        note(lines, error.what());
    }
}

}  // namespace

TEST_CASE("close() stops accepting: connections made before go on, and wait_closed waits for their handlers") {
    const NoFdLeaked no_leak;
    CHECK(story::told(close_and_wait) == Lines{"0.0s echo hello", "0.0s closed, serving false",
                                               "0.0s a new client is refused",
                                               "1.0s echo \"still here\", wait_closed done false",
                                               "1.0s wait_closed returned: the last handler is done"});
}

TEST_CASE("a handler's exception goes to the loop's exception handler, and the server serves the next client") {
    const NoFdLeaked no_leak;
    Lines lines;
    aio::run(handler_throws(lines), {.virtual_time = true});
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].starts_with("0.0s Unhandled exception in client_connected_cb (server 127.0.0.1:"));
    CHECK(lines[0].ends_with("): cannot handle first"));
    CHECK(lines[1] == "0.0s first client reads \"\"");
    CHECK(lines[2].ends_with("): cannot handle second"));
    CHECK(lines[3] == "0.0s second client reads \"\"");
}

TEST_CASE("a thousand clients and their server share one loop, each answered on its own connection") {
    const NoFdLeaked no_leak;
    constexpr int count = 1000;
    // Two descriptors per connection (both ends are ours), plus the listener and the loop's.
    rlimit limit{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &limit) == 0);
    if (limit.rlim_cur < 2 * count + 64) {
        REQUIRE(limit.rlim_max >= 2 * count + 64);
        limit.rlim_cur = 2 * count + 64;
        REQUIRE(::setrlimit(RLIMIT_NOFILE, &limit) == 0);
    }
    const std::vector<std::string> answers = aio::run(thousand_clients(count), {.virtual_time = true});
    std::vector<std::string> expected;
    for (int i = 0; i < count; ++i) expected.push_back(fmt::format("client {}\n", i));
    CHECK(answers == expected);
}

TEST_CASE("a loop destroyed with a server, a connection and a waiting handler closes every descriptor") {
    const NoFdLeaked no_leak;
    std::optional<aio::Server> server;  // outlives the loop: closing it then is safe
    std::optional<Connection> kept;
    {
        aio::EventLoop loop({.virtual_time = true});
        loop.run_until_complete(left_open(server, kept));
    }
    // The connection outlived its loop: another loop refuses it instead of waiting forever.
    Lines lines;
    aio::run(use_elsewhere(lines, kept->second, kept->first), {.virtual_time = true});
    REQUIRE(lines.size() == 2);
    CHECK(lines[0].ends_with(": the event loop this connection was made on is closed"));
    CHECK(lines[1].starts_with("0.0s read from 127.0.0.1:"));
    kept.reset();
    server.reset();
}
