// The page site of sections "downloads" and "serve", over HTTP/1.1: "GET /page/N" is answered
// 200 with the body "page N\n" once the server has worked on it, 404 for a page it does not
// have, 405 for another method, 503 when it already serves as many pages as it can at once, and
// 400 / 413 / 414 / 431 / 505 for a request it cannot read. Server and client run on one loop,
// so the whole story is exact on virtual time; curl, a browser or Python's http.client can be
// the client too (section "serve").
#pragma once

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>

#include "aio/aio.hpp"
#include "aio/streams.hpp"
#include "http_client.hpp"

namespace downloads {

// A site: pages 1..pages, each taking work(page) seconds of the server's time.
struct Site {
    int pages;
    double (*work)(int page);
    // Pages served at once at most, as a server with a fixed number of workers (0: no bound).
    // The request beyond it is answered 503 Service Unavailable at once.
    int at_once = 0;
    // A client that has not sent its whole request by then is answered 408 and cut off.
    double request_timeout = 10.0;
    // Told of each answer, as an access log: `"GET /page/3 HTTP/1.1" 200 7` (empty: not told).
    std::function<void(std::string_view)> on_answer{};
};

// The handler start_server runs for each connection: one request, one answer, then close.
// It never throws: a client that resets or vanishes only loses its answer.
aio::Coroutine<void> serve_page(aio::StreamReader reader, aio::StreamWriter writer, Site site,
                                std::shared_ptr<int> serving);
// start_server(serve_page for `site`, "127.0.0.1", port): port 0 picks a free one.
aio::Coroutine<aio::Server> start_site(Site site, int port = 0);

// An HTTP status other than 200 for a page: "page 7: 503 Service Unavailable".
class PageError : public std::runtime_error {
public:
    PageError(int page, int status, std::string_view reason);
    [[nodiscard]] int status() const noexcept { return status_; }

private:
    int status_;
};
// The server answered 404: "page 101: 404 not found".
class PageNotFound : public PageError {
public:
    explicit PageNotFound(int page);
};

// GETs /page/N from the site at `url` (its path, if any, comes first: http://127.0.0.1:8000/x
// -> /x/page/N) and returns the body without its last '\n'. Throws aio::ConnectionRefusedError
// when nobody listens there, PageNotFound on a 404, PageError on any other status but 200.
aio::Coroutine<std::string> fetch_page(http::Url url, int page);
// The same from the course's site on 127.0.0.1:port.
aio::Coroutine<std::string> fetch_page(int port, int page);

}  // namespace downloads
