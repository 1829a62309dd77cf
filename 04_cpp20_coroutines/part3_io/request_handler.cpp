#include "request_handler.hpp"

#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "http_response.hpp"

namespace servers {

std::string request_for(int client, int number) {
    return fmt::format("GET /item/{}-{} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", client, number);
}

std::string answer(std::string_view request_line) {
    const std::size_t space = request_line.find(' ');
    const std::size_t last = request_line.rfind(' ');
    if (space == std::string_view::npos || last == space || !request_line.substr(last + 1).starts_with("HTTP/1.")) {
        return http::format_response(http::status_response(400));
    }
    if (request_line.substr(0, space) != "GET") {
        http::Response response = http::status_response(405);
        response.headers.emplace_back("Allow", "GET");
        return http::format_response(response);
    }
    std::string_view target = request_line.substr(space + 1, last - space - 1);
    constexpr std::string_view prefix = "/item/";
    if (!target.starts_with(prefix)) return http::format_response(http::status_response(404));
    target.remove_prefix(prefix.size());
    http::Response response;
    response.body = fmt::format("item {}\n", target);
    return http::format_response(response);
}

std::string answer_blocking(std::string_view request_line, double database_wait) {
    std::this_thread::sleep_for(std::chrono::duration<double>(database_wait));
    return answer(request_line);
}

}  // namespace servers
