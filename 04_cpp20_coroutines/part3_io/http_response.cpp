#include "http_response.hpp"

#include <fmt/format.h>

namespace http {

std::string_view reason(int status) {
    switch (status) {
        case 200:
            return "OK";
        case 400:
            return "Bad Request";
        case 404:
            return "Not Found";
        case 405:
            return "Method Not Allowed";
        case 408:
            return "Request Timeout";
        case 413:
            return "Content Too Large";
        case 414:
            return "URI Too Long";
        case 431:
            return "Request Header Fields Too Large";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        case 505:
            return "HTTP Version Not Supported";
        default:
            return "Unknown";
    }
}

Response status_response(int status) {
    Response response;
    response.status = status;
    response.body = fmt::format("{} {}\n", status, reason(status));
    return response;
}

std::string format_response(const Response& response) {
    std::string out = fmt::format("HTTP/1.1 {} {}\r\nContent-Type: {}\r\nContent-Length: {}\r\n", response.status,
                                  reason(response.status), response.content_type, response.body.size());
    for (const auto& [name, value] : response.headers) out += fmt::format("{}: {}\r\n", name, value);
    out += "Connection: close\r\n\r\n";
    out += response.body;
    return out;
}

}  // namespace http
