// An HTTP/1.1 GET, the client's side: one connection per request ("Connection: close"), the
// status line and headers read within http::Limits, the body by Content-Length (or to EOF when
// the server sends none). Section "downloads" fetches its pages with it, from the course's page
// site or from any HTTP server on the loopback interface (--site).
#pragma once

#include <string>

#include "aio/coroutine.hpp"
#include "http_headers.hpp"

namespace http {

// Where to GET from: "http://127.0.0.1:8000/pages" -> {"127.0.0.1", 8000, "/pages"}.
struct Url {
    std::string host;
    int port = 80;
    std::string path;  // no trailing '/': "" for the root
};
// Throws std::invalid_argument with one line saying what is wrong: not "http://", a host that
// is not on the loopback interface (127.0.0.1, ::1 as [::1], localhost), a bad port.
Url parse_url(std::string_view text);

struct Reply {
    int status = 0;
    std::string reason;  // "Not Found"
    Headers headers;
    std::string body;
};

// GET target from host:port; the reply whatever its status. aio::ConnectionRefusedError when
// nobody listens; ProtocolError(400, ...) for a reply that is not HTTP/1.x.
aio::Coroutine<Reply> get(std::string host, int port, std::string target, Limits limits = {});

}  // namespace http
