// Reading an HTTP/1.1 request on the server's side: the request line ("GET /page/3 HTTP/1.1"),
// the headers, and a Content-Length body, each within http::Limits. Sections "downloads" and
// "serve": the page site reads its requests with it.
#pragma once

#include <optional>
#include <string>

#include "aio/coroutine.hpp"
#include "aio/streams.hpp"
#include "http_headers.hpp"

namespace http {

struct Request {
    std::string method;   // "GET"
    std::string target;   // "/page/3"
    std::string version;  // "HTTP/1.1"
    Headers headers;
    std::string body;
};

// The next request on the connection, or std::nullopt if the client closed it before sending a
// byte. ProtocolError with the status to answer: 400 (not "METHOD TARGET HTTP/x.y", a bad
// header, the stream ended mid-request), 414 (the request line too long), 431 (the headers too
// large), 413 (the body too large), 505 (not HTTP/1.x). The method is not judged here: which
// ones a server serves is the server's business (405).
aio::Coroutine<std::optional<Request>> read_request(aio::StreamReader& reader, Limits limits = {});

}  // namespace http
