// Section "downloads" on virtual time: a page server and its client on one loop, exact to the
// millisecond. 100 pages take 100 s one after the other and 1 s with gather; gather_settled
// keeps every page beside the failures; as_completed gives the pages in finishing order.
#include "course_test.hpp"
#include "section_fixture.hpp"

#include <string>
#include <utility>
#include <vector>

#include "aio/aio.hpp"
#include "aio/stream_errors.hpp"
#include "blocking_socket.hpp"
#include "page_site.hpp"
#include "sections.hpp"

namespace {

using Lines = std::vector<std::string>;

double one_second(int /*page*/) { return 1.0; }

aio::Coroutine<std::string> fetch_from_a_site(int page) {
    aio::Server site = co_await downloads::start_site({3, one_second});
    std::string text = co_await downloads::fetch_page(site.port(), page);
    site.close();
    co_await site.wait_closed();
    co_return text;
}

aio::Coroutine<std::string> fetch_where_nobody_listens() {
    const blocking::Fd nobody = blocking::bind_loopback(0);
    std::string text = co_await downloads::fetch_page(blocking::local_port(nobody), 1);
    co_return text;
}

}  // namespace

TEST_CASE(
    "downloads: 100 pages take exactly 100.0 s one after the other, 1.0 s with gather, 10.0 s from a server that "
    "serves 10 at once") {
    CHECK(
        run_section([](common::Context& ctx) { sections::downloads(ctx, 100); }) ==
        Lines{
            "[  0.000s] a page server on 127.0.0.1 (a free port): pages 1..100, each takes 1 s of its work",
            "[  0.000s] for page in 1..100: await fetch(page)   # one after the other",
            "[100.000s]   100 pages one after the other: 100.0 s (the last: 'page 100')",
            "[100.000s] await gather(*(fetch(page) for page in 1..100))   # all at once",
            "[101.000s]   100 pages at once: 1.0 s ('page 1' .. 'page 100', in the order asked)",
            "[101.000s] await gather(fetch(1), fetch(101), fetch(2) where nobody listens, fetch(3), "
            "return_exceptions=True)",
            "[102.000s]   page 1: 'page 1'",
            "[102.000s]   page 101: PageNotFound: page 101: 404 not found",
            "[102.000s]   page 2 where nobody listens: ConnectionRefusedError: Connection refused",
            "[102.000s]   page 3: 'page 3'",
            "[102.000s]   1.0 s: the failures lost none of the other pages",
            "[102.000s] a second server, whose pages 1..5 take 0.4, 0.2, 0.5, 0.3, 0.1 s",
            "[102.000s] for next in as_completed([fetch(page) for page in 1..5]): print(await next)",
            "[102.100s]   page 5",
            "[102.200s]   page 2",
            "[102.300s]   page 4",
            "[102.400s]   page 1",
            "[102.500s]   page 3",
            "[102.500s] a third server, as a busy real one: at most 10 pages at once, and 503 Service Unavailable "
            "beyond",
            "[102.500s] await gather(*(fetch(page) for page in 1..100), return_exceptions=True)   # all at once again",
            "[103.500s]   1.0 s: 10 pages, 90 x 503 Service Unavailable",
            "[103.500s] 10 workers, each fetching the next page nobody has taken, until none is left   # at most 10 "
            "at once",
            "[113.500s]   100 pages in 10.0 s ('page 1' .. 'page 100'), no 503: ceil(100 / 10) = 10 rounds of 1 s "
            "(the ideal: 1.0 s)",
        });
}

TEST_CASE("downloads --timeline draws the client's two runs and each page of as_completed as it was fetched") {
    SectionFixture f;
    sections::downloads(f.ctx, 3);
    CHECK(drawn(f.timeline) == Lines{
                                   "client: 3 pages in turn 0..3",
                                   "client: gather 3 pages 3..4",
                                   "page 5: fetching 5..5.1",
                                   "page 2: fetching 5..5.2",
                                   "page 4: fetching 5..5.3",
                                   "page 1: fetching 5..5.4",
                                   "page 3: fetching 5..5.5",
                               });
}

TEST_CASE("fetch_page returns the page's body without its newline") {
    CHECK(aio::run(fetch_from_a_site(2), {.virtual_time = true}) == "page 2");
}

TEST_CASE("fetch_page of a page the site does not have throws PageNotFound") {
    CHECK_THROWS_WITH_AS(aio::run(fetch_from_a_site(4), {.virtual_time = true}), "page 4: 404 not found",
                         downloads::PageNotFound);
}

TEST_CASE("fetch_page where nobody listens throws ConnectionRefusedError") {
    CHECK_THROWS_AS(aio::run(fetch_where_nobody_listens(), {.virtual_time = true}), aio::ConnectionRefusedError);
}
