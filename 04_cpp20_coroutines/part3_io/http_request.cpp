#include "http_request.hpp"

#include <utility>

namespace http {

namespace {

// "GET /page/3 HTTP/1.1": three parts, one space between each.
Request parse_request_line(const std::string& line) {
    const std::size_t first = line.find(' ');
    const std::size_t second = first == std::string::npos ? first : line.find(' ', first + 1);
    if (second == std::string::npos || line.find(' ', second + 1) != std::string::npos) {
        throw ProtocolError(400, "a request line that is not 'METHOD TARGET VERSION'");
    }
    Request request;
    request.method = line.substr(0, first);
    request.target = line.substr(first + 1, second - first - 1);
    request.version = line.substr(second + 1);
    if (request.method.empty() || request.target.empty() || !request.target.starts_with('/')) {
        throw ProtocolError(400, "a request line without a method or a '/' target");
    }
    if (!request.version.starts_with("HTTP/")) throw ProtocolError(400, "a request line without 'HTTP/'");
    if (request.version != "HTTP/1.1" && request.version != "HTTP/1.0") {
        throw ProtocolError(505, "a version other than HTTP/1.0 or HTTP/1.1");
    }
    return request;
}

}  // namespace

aio::Coroutine<std::optional<Request>> read_request(aio::StreamReader& reader, Limits limits) {
    const std::optional<std::string> line = co_await read_head_line(reader, limits.line, 414);
    if (!line) co_return std::nullopt;  // connected and left without a word
    Request request = parse_request_line(*line);
    request.headers = co_await read_headers(reader, limits);
    request.body = co_await read_body(reader, request.headers, limits);
    co_return request;
}

}  // namespace http
