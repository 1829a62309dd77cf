#include "page_site.hpp"

#include <charconv>
#include <exception>
#include <optional>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "aio/stream_errors.hpp"
#include "http_request.hpp"
#include "http_response.hpp"

namespace downloads {

namespace {

std::optional<int> requested_page(std::string_view target) {
    constexpr std::string_view prefix = "/page/";
    if (!target.starts_with(prefix)) return std::nullopt;
    target.remove_prefix(prefix.size());
    int page = 0;
    const auto [end, error] = std::from_chars(target.data(), target.data() + target.size(), page);
    if (target.empty() || error != std::errc{} || end != target.data() + target.size()) return std::nullopt;
    return page;
}

// Holds one of the site's places while a page is worked on.
class Place {
public:
    explicit Place(int& serving) : serving_(serving) { ++serving_; }
    Place(const Place&) = delete;
    Place& operator=(const Place&) = delete;
    ~Place() { --serving_; }

private:
    int& serving_;
};

// The answer to a request that could be read.
aio::Coroutine<http::Response> answer(const http::Request& request, const Site& site, int& serving) {
    if (request.method != "GET") {
        http::Response response = http::status_response(405);
        response.headers.emplace_back("Allow", "GET");
        co_return response;
    }
    const std::optional<int> page = requested_page(request.target);
    if (!page || *page < 1 || *page > site.pages) co_return http::status_response(404);
    if (site.at_once > 0 && serving >= site.at_once) {
        http::Response response = http::status_response(503);
        response.headers.emplace_back("Retry-After", "1");
        co_return response;
    }
    {
        const Place place(serving);
        co_await aio::sleep(site.work(*page));  // the server's work: the loop serves others meanwhile
    }  // the place is free before the answer goes out: the client's next request finds it free
    http::Response response;
    response.body = fmt::format("page {}\n", *page);
    co_return response;
}

// After an answer to a request that was not read to its end: the client may still be sending.
// Closing with unread bytes makes the kernel reset the connection, and a reset can destroy the
// answer before the client reads it. So: shut our side, and read what comes until the client
// closes (it does, once it has the answer), for a second at most in all.
aio::Coroutine<void> discard_rest(aio::StreamReader& reader, aio::StreamWriter& writer) {
    writer.write_eof();
    const double deadline = aio::time() + 1.0;
    try {
        while (aio::time() < deadline) {
            const std::string rest = co_await aio::wait_for(reader.read(64 * 1024), deadline - aio::time());
            if (rest.empty()) break;
        }
    } catch (const aio::TimeoutError&) {}
}

}  // namespace

aio::Coroutine<void> serve_page(aio::StreamReader reader, aio::StreamWriter writer, Site site,
                                std::shared_ptr<int> serving) {
    std::string request_line = "-";
    http::Response response;
    bool read_whole = false;
    try {
        try {
            const std::optional<http::Request> request =
                co_await aio::wait_for(http::read_request(reader), site.request_timeout);
            if (!request) co_return;  // connected, then closed without a word
            request_line = fmt::format("{} {} {}", request->method, request->target, request->version);
            read_whole = true;
            response = co_await answer(*request, site, *serving);
        } catch (const http::ProtocolError& error) {
            response = http::status_response(error.status());
        } catch (const aio::IncompleteReadError&) {  // the stream ended inside the body
            response = http::status_response(400);
        } catch (const aio::TimeoutError&) {
            response = http::status_response(408);
        }
        writer.write(http::format_response(response));
        co_await writer.drain();
        if (!read_whole) co_await discard_rest(reader, writer);
    } catch (const aio::ConnectionError&) {  // reset, or gone: nobody to answer
        co_return;
    }
    if (site.on_answer)
        site.on_answer(fmt::format("\"{}\" {} {}", request_line, response.status, response.body.size()));
    writer.close();
    co_await writer.wait_closed();
}

aio::Coroutine<aio::Server> start_site(Site site, int port) {
    auto serving = std::make_shared<int>(0);  // pages being worked on now, across connections
    // Not a lambda coroutine: the lambda only passes `site` on, as a parameter of serve_page.
    aio::ClientConnected handler = [site, serving](aio::StreamReader reader, aio::StreamWriter writer) {
        return serve_page(std::move(reader), std::move(writer), site, serving);
    };
    aio::Server server = co_await aio::start_server(std::move(handler), "127.0.0.1", port);
    co_return server;
}

PageError::PageError(int page, int status, std::string_view reason)
    : std::runtime_error(fmt::format("page {}: {} {}", page, status, reason)), status_(status) {}

PageNotFound::PageNotFound(int page) : PageError(page, 404, "not found") {}

aio::Coroutine<std::string> fetch_page(http::Url url, int page) {
    http::Reply reply = co_await http::get(url.host, url.port, fmt::format("{}/page/{}", url.path, page));
    if (reply.status == 404) throw PageNotFound(page);
    if (reply.status != 200) throw PageError(page, reply.status, reply.reason);
    if (reply.body.ends_with('\n')) reply.body.pop_back();
    co_return std::move(reply.body);
}

aio::Coroutine<std::string> fetch_page(int port, int page) {
    http::Url url;  // named, not a braced temporary in the co_await (COMPILERS.md)
    url.host = "127.0.0.1";
    url.port = port;
    std::string text = co_await fetch_page(std::move(url), page);
    co_return text;
}

}  // namespace downloads
