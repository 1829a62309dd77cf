#include "http_client.hpp"

#include <charconv>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>

#include <fmt/format.h>

#include "aio/streams.hpp"

namespace http {

namespace {

std::optional<int> number(std::string_view text) {
    int value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || error != std::errc{} || end != text.data() + text.size()) return std::nullopt;
    return value;
}

// "HTTP/1.1 404 Not Found" -> 404, "Not Found".
std::pair<int, std::string> parse_status_line(const std::string& line) {
    const std::optional<int> status = line.size() >= 12 && line.starts_with("HTTP/1.") && line[8] == ' '
                                          ? number(std::string_view(line).substr(9, 3))
                                          : std::nullopt;
    if (!status || (line.size() > 12 && line[12] != ' ')) {
        throw ProtocolError(400, fmt::format("not an HTTP/1.x status line: '{}'", line));
    }
    return {*status, line.size() > 13 ? line.substr(13) : std::string{}};
}

// The body of a reply without Content-Length: what comes until the server closes.
aio::Coroutine<std::string> read_to_eof(aio::StreamReader& reader, std::size_t limit) {
    std::string body;
    while (true) {
        const std::string chunk = co_await reader.read(64 * 1024);
        if (chunk.empty()) co_return body;
        body += chunk;
        if (body.size() > limit) throw ProtocolError(413, fmt::format("a body over {} bytes", limit));
    }
}

}  // namespace

Url parse_url(std::string_view text) {
    constexpr std::string_view scheme = "http://";
    if (!text.starts_with(scheme)) throw std::invalid_argument(fmt::format("'{}' does not start with http://", text));
    std::string_view rest = text.substr(scheme.size());
    const std::size_t slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    std::string path(slash == std::string_view::npos ? std::string_view{} : rest.substr(slash));
    while (path.ends_with('/')) path.pop_back();
    Url url;
    url.path = std::move(path);
    // [::1]:8000, 127.0.0.1:8000, localhost (port 80)
    std::string_view port;
    if (authority.starts_with('[')) {
        const std::size_t close = authority.find(']');
        if (close == std::string_view::npos) throw std::invalid_argument(fmt::format("'{}': no ']' after '['", text));
        url.host = std::string(authority.substr(1, close - 1));
        authority.remove_prefix(close + 1);
        if (!authority.empty() && !authority.starts_with(':')) {
            throw std::invalid_argument(fmt::format("'{}': ':' expected after ']'", text));
        }
        if (!authority.empty()) port = authority.substr(1);
    } else {
        const std::size_t colon = authority.find(':');
        url.host = std::string(authority.substr(0, colon));
        if (colon != std::string_view::npos) port = authority.substr(colon + 1);
    }
    if (url.host != "127.0.0.1" && url.host != "::1" && url.host != "localhost") {
        throw std::invalid_argument(
            fmt::format("'{}': the host must be on this machine (127.0.0.1, [::1] or localhost)", text));
    }
    if (!port.empty() || authority.ends_with(':')) {
        const std::optional<int> value = number(port);
        if (!value || *value < 1 || *value > 65535) {
            throw std::invalid_argument(fmt::format("'{}': the port must be a number from 1 to 65535", text));
        }
        url.port = *value;
    }
    return url;
}

aio::Coroutine<Reply> get(std::string host, int port, std::string target, Limits limits) {
    std::pair<aio::StreamReader, aio::StreamWriter> connection = co_await aio::open_connection(host, port);
    aio::StreamReader& reader = connection.first;
    aio::StreamWriter& writer = connection.second;
    const std::string authority = host.find(':') == std::string::npos ? host : "[" + host + "]";
    writer.write(fmt::format("GET {} HTTP/1.1\r\nHost: {}:{}\r\nConnection: close\r\n\r\n", target, authority, port));
    co_await writer.drain();
    const std::optional<std::string> line = co_await read_head_line(reader, limits.line, 400);
    if (!line) throw ProtocolError(400, "the server closed the connection without a reply");
    Reply reply;
    std::tie(reply.status, reply.reason) = parse_status_line(*line);
    reply.headers = co_await read_headers(reader, limits);
    if (reply.headers.find("Transfer-Encoding")) {
        throw ProtocolError(400, "a chunked reply: this client reads Content-Length bodies only");
    }
    if (reply.headers.find("Content-Length")) {
        reply.body = co_await read_body(reader, reply.headers, limits);
    } else {
        reply.body = co_await read_to_eof(reader, limits.body);
    }
    writer.close();
    co_await writer.wait_closed();
    co_return reply;
}

}  // namespace http
