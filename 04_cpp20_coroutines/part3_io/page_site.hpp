// The page server and its client of section "downloads": "GET /page/N\n" answered by one line
// ("page N\n") once the server has worked on it, or "404 not found\n" for a page it does not have.
// Server and client run on one loop, so the whole story is exact on virtual time.
#pragma once

#include <stdexcept>
#include <string>

#include "aio/aio.hpp"
#include "aio/streams.hpp"

namespace downloads {

// A site: pages 1..pages, each taking work(page) seconds of the server's time.
struct Site {
    int pages;
    double (*work)(int page);
};

// The handler start_server runs for each connection: one request, one answer, then close.
aio::Coroutine<void> serve_page(aio::StreamReader reader, aio::StreamWriter writer, Site site);
// start_server(serve_page for `site`, "127.0.0.1", 0): a free port.
aio::Coroutine<aio::Server> start_site(Site site);

// The server answered "404 not found".
class PageNotFound : public std::runtime_error {
public:
    explicit PageNotFound(int page);
};

// Connects to 127.0.0.1:port, asks for one page, returns its line without the '\n'. Throws
// aio::ConnectionRefusedError when nobody listens there, PageNotFound on a 404.
aio::Coroutine<std::string> fetch_page(int port, int page);

}  // namespace downloads
