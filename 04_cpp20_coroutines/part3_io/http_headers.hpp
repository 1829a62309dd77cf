// The part of HTTP/1.1 that requests and responses share: a head of lines ("Name: value"), read
// with limits so that a client cannot make the server hold more than a few KiB for it, and the
// error that says which status a broken head deserves. Section "downloads" and "serve" use it.
#pragma once

#include <cstddef>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aio/coroutine.hpp"
#include "aio/streams.hpp"

namespace http {

// How much of a head the reader accepts. A real server has the same kind of bounds (nginx:
// 8 KiB lines; Python's http.server: 64 KiB lines, 100 headers).
struct Limits {
    std::size_t line = 8 * 1024;     // the request or status line, and each header line
    std::size_t head = 16 * 1024;    // every header line together
    std::size_t headers = 100;       // how many header lines
    std::size_t body = 1024 * 1024;  // a Content-Length body
};

// What went wrong in a message, with the status a server answers it with: 400 Bad Request,
// 413 Content Too Large, 414 URI Too Long, 431 Request Header Fields Too Large, 505.
class ProtocolError : public std::runtime_error {
public:
    ProtocolError(int status, const std::string& what) : std::runtime_error(what), status_(status) {}
    [[nodiscard]] int status() const noexcept { return status_; }

private:
    int status_;
};

// Header fields in the order they came. Names compare without regard to case, as HTTP says.
class Headers {
public:
    void add(std::string name, std::string value) { fields_.emplace_back(std::move(name), std::move(value)); }
    // The first field of that name, if any.
    [[nodiscard]] std::optional<std::string_view> find(std::string_view name) const;
    [[nodiscard]] const std::vector<std::pair<std::string, std::string>>& fields() const noexcept { return fields_; }

private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

// One line of the head, without its "\r\n" (a bare "\n" is accepted too, as most servers do);
// std::nullopt at EOF. ProtocolError(too_long) for a line longer than `limit`, 400 for a stream
// that ends inside a line.
aio::Coroutine<std::optional<std::string>> read_head_line(aio::StreamReader& reader, std::size_t limit, int too_long);
// The header lines up to the blank line that ends the head. 431 over the limits, 400 for a line
// that is not "Name: value" or a stream that ends before the blank line.
aio::Coroutine<Headers> read_headers(aio::StreamReader& reader, const Limits& limits);
// The body a Content-Length announces ("" without one). 400 for a bad length, 413 over
// limits.body, aio::IncompleteReadError if the stream ends first.
aio::Coroutine<std::string> read_body(aio::StreamReader& reader, const Headers& headers, const Limits& limits);

}  // namespace http
