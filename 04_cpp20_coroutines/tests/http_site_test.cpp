// The page site over HTTP/1.1, on virtual time: a raw client sends bytes, the test reads every
// byte of the answer. Good requests, then bad input: each is a clear status and the server goes
// on; a client that stalls is cut at the timeout, one that resets is closed; no fd is left.
#include "course_test.hpp"
#include "stream_helpers.hpp"

#include <sys/socket.h>

#include <string>
#include <utility>

#include "aio/aio.hpp"
#include "blocking_socket.hpp"
#include "http_client.hpp"
#include "http_response.hpp"
#include "page_site.hpp"

namespace {

double one_second(int /*page*/) { return 1.0; }

std::string response(int status, const std::string& body, const std::string& extra = "") {
    return "HTTP/1.1 " + std::to_string(status) + " " + std::string(http::reason(status)) +
           "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: " + std::to_string(body.size()) + "\r\n" +
           extra + "Connection: close\r\n\r\n" + body;
}

// Everything the server sends until it closes.
aio::Coroutine<std::string> read_all(aio::StreamReader& reader) {
    std::string all;
    while (true) {
        const std::string chunk = co_await reader.read(64 * 1024);
        if (chunk.empty()) co_return all;
        all += chunk;
    }
}

struct Exchange {
    std::string answer;    // the first connection's
    double seconds = 0.0;  // when it had its answer
    std::string next;      // a good request's answer on the same server, afterwards
};

// Sends `request` to a 3-page site (pages take 1 s), then "GET /page/2" on a new connection.
// `then_wait`: the client sends nothing more and keeps its side open (a client that stalls).
aio::Coroutine<Exchange> exchange(std::string request, bool then_wait = false) {
    aio::Server site = co_await downloads::start_site({.pages = 3, .work = one_second});
    Exchange result;
    {
        auto [reader, writer] = co_await aio::open_connection("127.0.0.1", site.port());
        writer.write(request);
        co_await writer.drain();
        if (!then_wait) writer.write_eof();
        result.answer = co_await read_all(reader);
        result.seconds = aio::time();
        writer.close();
        co_await writer.wait_closed();
    }
    const http::Reply reply = co_await http::get("127.0.0.1", site.port(), "/page/2");
    result.next = std::to_string(reply.status) + " " + reply.body;
    site.close();
    co_await site.wait_closed();
    co_return result;
}

Exchange run_exchange(std::string request, bool then_wait = false) {
    return aio::run(exchange(std::move(request), then_wait), {.virtual_time = true});
}

}  // namespace

TEST_CASE("GET /page/3 is answered 200 with 'page 3\\n' after the page's 1 s of work") {
    const streams_test::NoFdLeaked no_leak;
    const Exchange e = run_exchange("GET /page/3 HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n");
    CHECK(e.answer ==
          "HTTP/1.1 200 OK\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: 7\r\nConnection: close\r\n"
          "\r\npage 3\n");
    CHECK(e.seconds == 1.0);
    CHECK(e.next == "200 page 2\n");
}

TEST_CASE("a page the site does not have is 404, another method 405 with Allow: GET") {
    const streams_test::NoFdLeaked no_leak;
    CHECK(run_exchange("GET /page/4 HTTP/1.1\r\n\r\n").answer == response(404, "404 Not Found\n"));
    CHECK(run_exchange("GET /page/x HTTP/1.1\r\n\r\n").answer == response(404, "404 Not Found\n"));
    CHECK(run_exchange("GET / HTTP/1.0\r\n\r\n").answer == response(404, "404 Not Found\n"));
    const Exchange post = run_exchange("POST /page/1 HTTP/1.1\r\nContent-Length: 5\r\n\r\nhello");
    CHECK(post.answer == response(405, "405 Method Not Allowed\n", "Allow: GET\r\n"));
    CHECK(post.seconds == 0.0);
    CHECK(post.next == "200 page 2\n");
}

TEST_CASE("a malformed request is 400 at once, and the server goes on") {
    const streams_test::NoFdLeaked no_leak;
    for (const char* bad :
         {"HELLO\r\n\r\n", "GET /page/1\r\n\r\n", "GET  /page/1 HTTP/1.1\r\n\r\n", "GET page/1 HTTP/1.1\r\n\r\n",
          "GET /page/1 FTP/1.1\r\n\r\n", "GET /page/1 HTTP/1.1\r\nno colon here\r\n\r\n",
          "GET /page/1 HTTP/1.1\r\nContent-Length: ten\r\n\r\n", "GET /page/1 HTTP/1.1\r\nHost: x",
          "GET /page/1 HTTP/1.1\r\nContent-Length: 10\r\n\r\nshort"}) {
        CAPTURE(bad);
        const Exchange e = run_exchange(bad);
        CHECK(e.answer == response(400, "400 Bad Request\n"));
        CHECK(e.seconds == 0.0);
        CHECK(e.next == "200 page 2\n");
    }
    CHECK(run_exchange("GET /page/1 HTTP/2.0\r\n\r\n").answer == response(505, "505 HTTP Version Not Supported\n"));
}

TEST_CASE("headers over the limits are 431, a request line over 8 KiB is 414, and the server goes on") {
    const streams_test::NoFdLeaked no_leak;
    std::string many = "GET /page/1 HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i) many += "X-" + std::to_string(i) + ": 1\r\n";
    std::string wide = "GET /page/1 HTTP/1.1\r\nX-Wide: " + std::string(9 * 1024, 'a') + "\r\n\r\n";
    std::string huge = "GET /page/1 HTTP/1.1\r\nX-Huge: " + std::string(100 * 1024, 'a') + "\r\n\r\n";
    std::string heavy = "GET /page/1 HTTP/1.1\r\n";
    for (int i = 0; i < 3; ++i) heavy += "X-" + std::to_string(i) + ": " + std::string(7 * 1024, 'a') + "\r\n";
    for (const std::string& big : {many + "\r\n", wide, huge, heavy + "\r\n"}) {
        const Exchange e = run_exchange(big);
        CHECK(e.answer == response(431, "431 Request Header Fields Too Large\n"));
        CHECK(e.next == "200 page 2\n");
    }
    const Exchange e = run_exchange("GET /" + std::string(9 * 1024, 'p') + " HTTP/1.1\r\n\r\n");
    CHECK(e.answer == response(414, "414 URI Too Long\n"));
    CHECK(e.next == "200 page 2\n");
}

TEST_CASE("a client that stops mid-request is answered 408 and cut off at exactly 10 s") {
    const streams_test::NoFdLeaked no_leak;
    const Exchange e = run_exchange("GET /page/1 HTTP/1.1\r\nHost: 127", true);
    CHECK(e.answer == response(408, "408 Request Timeout\n"));
    CHECK(e.seconds == 10.0);
    CHECK(e.next == "200 page 2\n");
}

namespace {

// A client that sends half a request, then resets the connection (SO_LINGER 0: close sends RST).
aio::Coroutine<std::string> reset_then_get() {
    aio::Server site = co_await downloads::start_site({.pages = 3, .work = one_second});
    {
        const blocking::Fd rude = blocking::connect_loopback(site.port());  // the kernel completes it: no accept needed
        blocking::send_all(rude, "GET /page/1 HTTP/1.1\r\nHo");
        co_await aio::sleep(0.5);  // the server's handler is waiting for the rest
        const linger reset{1, 0};
        REQUIRE(::setsockopt(rude.get(), SOL_SOCKET, SO_LINGER, &reset, sizeof reset) == 0);
    }  // closed: RST
    co_await aio::sleep(0.5);
    const http::Reply reply = co_await http::get("127.0.0.1", site.port(), "/page/2");
    site.close();
    co_await site.wait_closed();  // every handler returned: the reset one too
    co_return std::to_string(reply.status) + " " + reply.body;
}

}  // namespace

TEST_CASE("a client that resets mid-request has its connection closed: no fd is left, the server goes on") {
    const streams_test::NoFdLeaked no_leak;
    CHECK(aio::run(reset_then_get(), {.virtual_time = true}) == "200 page 2\n");
}

namespace {

aio::Coroutine<std::vector<int>> statuses_beyond_the_bound() {
    aio::Server site = co_await downloads::start_site({.pages = 5, .work = one_second, .at_once = 2});
    std::vector<aio::Coroutine<http::Reply>> gets;
    for (int page = 1; page <= 5; ++page)
        gets.push_back(http::get("127.0.0.1", site.port(), "/page/" + std::to_string(page)));
    const std::vector<http::Reply> replies = co_await aio::gather(std::move(gets));
    std::vector<int> statuses;
    for (const http::Reply& reply : replies) {
        statuses.push_back(reply.status);
        if (reply.status == 503) CHECK(reply.headers.find("retry-after") == "1");
    }
    site.close();
    co_await site.wait_closed();
    co_return statuses;
}

}  // namespace

TEST_CASE("a site that serves 2 pages at once answers the third at once with 503 and Retry-After") {
    const streams_test::NoFdLeaked no_leak;
    CHECK(aio::run(statuses_beyond_the_bound(), {.virtual_time = true}) == std::vector<int>{200, 200, 503, 503, 503});
}

TEST_CASE("parse_url takes http:// URLs on this machine only") {
    const http::Url url = http::parse_url("http://127.0.0.1:8000/pages/");
    CHECK(url.host == "127.0.0.1");
    CHECK(url.port == 8000);
    CHECK(url.path == "/pages");
    CHECK(http::parse_url("http://localhost").port == 80);
    CHECK(http::parse_url("http://[::1]:9/").host == "::1");
    for (const char* bad : {"ftp://127.0.0.1/", "http://example.com/", "http://127.0.0.1:0", "http://127.0.0.1:65536",
                            "http://127.0.0.1:x", "http://127.0.0.1:", "http://[::1", "127.0.0.1:80"}) {
        CAPTURE(bad);
        CHECK_THROWS_AS(http::parse_url(bad), std::invalid_argument);
    }
}
