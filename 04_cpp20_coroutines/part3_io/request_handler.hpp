// The request handler of section "servers": one line in ("GET /item/3-7"), one line out, once the
// "database" has answered after database_seconds. The servers (a), (b) and (c) share it; only the
// way they wait for the database differs: blocking the thread, or awaiting on the loop.
#pragma once

#include <string>
#include <string_view>

namespace servers {

inline constexpr double database_seconds = 0.1;

// What client `client` sends as its request number `number`.
std::string request_for(int client, int number);
// The reply to a request line, without the wait: "200 item 3-7\n" (or "400 bad request\n").
std::string answer(std::string_view request);
// The WSGI way: the thread sleeps while the database works.
std::string answer_blocking(std::string_view request, double database_wait);

}  // namespace servers
