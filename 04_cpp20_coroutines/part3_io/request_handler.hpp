// The request handler of section "servers", over HTTP/1.1: "GET /item/3-7 HTTP/1.1" is answered
// "item 3-7\n" once the "database" has answered after database_seconds. The servers (a), (b) and
// (c) share it; only the way they wait for the database differs: blocking the thread, or
// awaiting on the loop. Any HTTP client can load them: the built-in load generator, or ab.
#pragma once

#include <string>
#include <string_view>

namespace servers {

inline constexpr double database_seconds = 0.1;

// What client `client` sends as its request number `number`: a whole HTTP request.
std::string request_for(int client, int number);
// The response to a request line ("GET /item/3-7 HTTP/1.1"), without the wait: 200 with
// "item 3-7\n", 405 for another method, 404 for another target, 400 for a line that is not one.
std::string answer(std::string_view request_line);
// The WSGI way: the thread sleeps while the database works.
std::string answer_blocking(std::string_view request_line, double database_wait);

}  // namespace servers
