#include "course_test.hpp"

#include <cstddef>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "chat_room.hpp"
#include "resetting_client.hpp"

namespace {

using Lines = std::vector<std::string>;

// One client of the room, on virtual time: it joins at `join_at` as `name`, says `line` at
// `say_at` (nothing if empty), half-closes at `leave_at`, and notes every line it reads, with
// the time, until the room closes its connection.
struct Script {
    std::string name;
    double join_at;
    std::string line;
    double say_at;
    double leave_at;
};

aio::Coroutine<Lines> read_all(aio::StreamReader reader) {
    Lines lines;
    while (true) {
        const std::string line = co_await reader.readline();
        lines.push_back(fmt::format("{}s {:?}", aio::time(), line));
        if (line.empty()) break;
    }
    co_return lines;
}

aio::Coroutine<Lines> client(int port, Script script) {
    co_await aio::sleep(script.join_at);
    std::pair<aio::StreamReader, aio::StreamWriter> connection = co_await aio::open_connection("127.0.0.1", port);
    aio::StreamWriter& writer = connection.second;
    aio::Task<Lines> reading = aio::create_task(read_all(connection.first));
    writer.write(script.name + "\n");
    if (!script.line.empty()) {
        co_await aio::sleep(script.say_at - aio::time());
        writer.write(script.line);
    }
    co_await aio::sleep(script.leave_at - aio::time());
    writer.write_eof();
    Lines lines = co_await reading;
    co_return lines;
}

// A server whose every connection the room serves; the room outlives the server.
aio::Coroutine<aio::Server> open_room(exercises::ChatRoom& room) {
    aio::Server server = co_await aio::start_server(
        [&room](aio::StreamReader reader, aio::StreamWriter writer) {
            return room.serve(std::move(reader), std::move(writer));
        },
        "127.0.0.1", 0);
    co_return server;
}

aio::Coroutine<std::vector<Lines>> three_talk() {
    exercises::ChatRoom room;
    aio::Server server = co_await open_room(room);
    const int port = server.port();
    // Named before the co_await: g++ 12 cannot compile braces inside one (COMPILERS.md).
    const Script ann{"ann", 0.0, "hi all\n", 3.0, 5.0};
    const Script bob{"bob", 1.0, "hello ann", 4.0, 6.0};  // no '\n': it goes out at bob's EOF
    const Script cid{"cid", 2.0, "", 0.0, 7.0};
    std::tuple<Lines, Lines, Lines> all =
        co_await aio::wait_for(aio::gather(client(port, ann), client(port, bob), client(port, cid)), 20.0);
    std::vector<Lines> seen{std::get<0>(all), std::get<1>(all), std::get<2>(all),
                            Lines{fmt::format("{}s members() = {}", aio::time(), room.members())}};
    server.close();
    co_await server.wait_closed();
    co_return seen;
}

aio::Coroutine<Lines> rude_member(int port, exercises::ChatRoom& room) {
    co_await aio::sleep(2.0);
    course_test::ResettingClient rude(port);
    rude.send("cid\n");
    co_await aio::sleep(1.0);
    rude.reset();
    co_await aio::sleep(0.5);
    co_return Lines{fmt::format("{}s members() = {}", aio::time(), room.members())};
}

aio::Coroutine<std::vector<Lines>> one_resets() {
    exercises::ChatRoom room;
    aio::Server server = co_await open_room(room);
    const int port = server.port();
    const Script ann{"ann", 0.0, "", 0.0, 5.0};
    const Script bob{"bob", 1.0, "still here\n", 4.0, 6.0};
    std::tuple<Lines, Lines, Lines> all =
        co_await aio::wait_for(aio::gather(client(port, ann), client(port, bob), rude_member(port, room)), 20.0);
    std::vector<Lines> seen{std::get<0>(all), std::get<1>(all), std::get<2>(all),
                            Lines{fmt::format("{}s members() = {}", aio::time(), room.members())}};
    server.close();
    co_await server.wait_closed();
    co_return seen;
}

}  // namespace

TEST_CASE(
    "chat_room: each line goes to every other member with the sender's name, never back to the sender, and a last line "
    "gets its newline") {
    const std::vector<Lines> seen = aio::run(three_talk(), {.virtual_time = true});
    REQUIRE(seen.size() == 4);
    CHECK(seen[0] == Lines{R"(1s "bob joined\n")", R"(2s "cid joined\n")", R"(5s "")"});
    CHECK(seen[1] == Lines{R"(2s "cid joined\n")", R"(3s "ann: hi all\n")", R"(5s "ann left\n")", R"(6s "")"});
    CHECK(seen[2] == Lines{R"(3s "ann: hi all\n")", R"(5s "ann left\n")", R"(6s "bob: hello ann\n")",
                           R"(6s "bob left\n")", R"(7s "")"});
    CHECK(seen[3] == Lines{"7s members() = 0"});
}

TEST_CASE("chat_room: a member that resets leaves like one that says goodbye, and the room goes on") {
    const std::vector<Lines> seen = aio::run(one_resets(), {.virtual_time = true});
    REQUIRE(seen.size() == 4);
    CHECK(seen[0] == Lines{R"(1s "bob joined\n")", R"(2s "cid joined\n")", R"(3s "cid left\n")",
                           R"(4s "bob: still here\n")", R"(5s "")"});
    CHECK(seen[1] == Lines{R"(2s "cid joined\n")", R"(3s "cid left\n")", R"(5s "ann left\n")", R"(6s "")"});
    CHECK(seen[2] == Lines{"3.5s members() = 2"});
    CHECK(seen[3] == Lines{"6s members() = 0"});
}
