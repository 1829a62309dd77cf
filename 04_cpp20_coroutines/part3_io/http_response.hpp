// Writing an HTTP/1.1 response: the status line, Content-Type, Content-Length and
// "Connection: close" (one request per connection: the lessons need no keep-alive), then the
// body. Sections "downloads", "serve" and "servers".
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace http {

struct Response {
    int status = 200;
    std::string body;
    std::string content_type = "text/plain; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;  // more fields: "Allow: GET"
};

// "OK", "Not Found", ... for the statuses the course answers with; "Unknown" for the rest.
std::string_view reason(int status);
// A response whose body says its status: "404 Not Found\n".
Response status_response(int status);
// The bytes on the wire: "HTTP/1.1 200 OK\r\nContent-Type: ...\r\nContent-Length: 7\r\n
// Connection: close\r\n\r\npage 3\n".
std::string format_response(const Response& response);

}  // namespace http
