#include "http_headers.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <string>

#include <fmt/format.h>

#include "aio/stream_errors.hpp"

namespace http {

namespace {

bool same_name(std::string_view a, std::string_view b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
        return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
    });
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

// A token: the characters HTTP allows in a header name or a method.
bool is_token(std::string_view text) {
    constexpr std::string_view specials = "!#$%&'*+-.^_`|~";
    return !text.empty() && std::all_of(text.begin(), text.end(), [&](char c) {
        return std::isalnum(static_cast<unsigned char>(c)) != 0 || specials.find(c) != std::string_view::npos;
    });
}

}  // namespace

std::optional<std::string_view> Headers::find(std::string_view name) const {
    for (const auto& [field, value] : fields_) {
        if (same_name(field, name)) return value;
    }
    return std::nullopt;
}

aio::Coroutine<std::optional<std::string>> read_head_line(aio::StreamReader& reader, std::size_t limit, int too_long) {
    std::string line;
    try {
        line = co_await reader.readline();
    } catch (const aio::LimitOverrunError&) {  // over the stream's own 64 KiB: over ours too
        throw ProtocolError(too_long, fmt::format("a line longer than {} bytes", limit));
    }
    if (line.size() > limit + 2) throw ProtocolError(too_long, fmt::format("a line longer than {} bytes", limit));
    if (line.empty()) co_return std::nullopt;  // EOF
    if (!line.ends_with('\n')) throw ProtocolError(400, "the stream ended inside a line");
    line.pop_back();
    if (line.ends_with('\r')) line.pop_back();
    co_return line;
}

aio::Coroutine<Headers> read_headers(aio::StreamReader& reader, const Limits& limits) {
    Headers headers;
    std::size_t head = 0;
    while (true) {
        const std::optional<std::string> read = co_await read_head_line(reader, limits.line, 431);
        if (!read) throw ProtocolError(400, "the stream ended inside the head");
        const std::string& line = *read;
        if (line.empty()) co_return headers;
        head += line.size();
        if (head > limits.head) throw ProtocolError(431, fmt::format("headers over {} bytes", limits.head));
        if (headers.fields().size() == limits.headers) {
            throw ProtocolError(431, fmt::format("more than {} headers", limits.headers));
        }
        const std::size_t colon = line.find(':');
        const std::string_view name = std::string_view(line).substr(0, colon);
        if (colon == std::string::npos || !is_token(name)) throw ProtocolError(400, "a header line without 'Name:'");
        headers.add(std::string(name), std::string(trimmed(std::string_view(line).substr(colon + 1))));
    }
}

aio::Coroutine<std::string> read_body(aio::StreamReader& reader, const Headers& headers, const Limits& limits) {
    const std::optional<std::string_view> length = headers.find("Content-Length");
    if (!length) co_return std::string{};
    std::size_t size = 0;
    const auto [end, error] = std::from_chars(length->data(), length->data() + length->size(), size);
    if (error != std::errc{} || end != length->data() + length->size()) {
        throw ProtocolError(400, "a Content-Length that is not a number");
    }
    if (size > limits.body) throw ProtocolError(413, fmt::format("a body over {} bytes", limits.body));
    std::string body = co_await reader.readexactly(size);
    co_return body;
}

}  // namespace http
