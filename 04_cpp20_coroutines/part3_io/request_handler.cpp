#include "request_handler.hpp"

#include <chrono>
#include <thread>

#include <fmt/format.h>

namespace servers {

std::string request_for(int client, int number) { return fmt::format("GET /item/{}-{}\n", client, number); }

std::string answer(std::string_view request) {
    constexpr std::string_view prefix = "GET /item/";
    if (!request.starts_with(prefix) || !request.ends_with('\n')) return "400 bad request\n";
    request.remove_prefix(prefix.size());
    request.remove_suffix(1);
    return fmt::format("200 item {}\n", request);
}

std::string answer_blocking(std::string_view request, double database_wait) {
    std::this_thread::sleep_for(std::chrono::duration<double>(database_wait));
    return answer(request);
}

}  // namespace servers
