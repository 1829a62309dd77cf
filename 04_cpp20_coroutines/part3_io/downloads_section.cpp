#include <array>
#include <exception>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aio/aio.hpp"
#include "aio/stream_errors.hpp"
#include "blocking_socket.hpp"
#include "page_site.hpp"
#include "sections.hpp"

namespace sections {

namespace {

double one_second(int /*page*/) { return 1.0; }

// The second site's pages take different times, so they arrive out of order.
constexpr std::array<double, 5> varied_work{0.4, 0.2, 0.5, 0.3, 0.1};
double varied(int page) { return varied_work.at(static_cast<std::size_t>(page - 1)); }

aio::Coroutine<std::string> fetch_drawn(common::Context& ctx, int port, int page) {
    const common::ScopedSpan span(ctx.timeline, ctx.clock, fmt::format("page {}", page), "fetching");
    std::string text = co_await downloads::fetch_page(port, page);
    co_return text;
}

std::string describe(const aio::Outcome<std::string>& outcome) {
    try {
        return "'" + outcome.value() + "'";
    } catch (const aio::ConnectionRefusedError& error) {
        return "ConnectionRefusedError: " + error.code().message();  // what() names the port: it varies
    } catch (const downloads::PageNotFound& error) {
        return std::string("PageNotFound: ") + error.what();
    }
}

aio::Coroutine<void> one_after_the_other(common::Context& ctx, int port, int pages) {
    ctx.log.print("for page in 1..{}: await fetch(page)   # one after the other", pages);
    const double start = aio::time();
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "client", fmt::format("{} pages in turn", pages));
    std::string last;
    for (int page = 1; page <= pages; ++page) last = co_await downloads::fetch_page(port, page);
    ctx.log.print("  {} pages one after the other: {:.1f} s (the last: '{}')", pages, aio::time() - start, last);
}

aio::Coroutine<void> all_at_once(common::Context& ctx, int port, int pages) {
    ctx.log.print("await gather(*(fetch(page) for page in 1..{}))   # all at once", pages);
    const double start = aio::time();
    const common::ScopedSpan span(ctx.timeline, ctx.clock, "client", fmt::format("gather {} pages", pages));
    std::vector<aio::Coroutine<std::string>> fetches;
    for (int page = 1; page <= pages; ++page) fetches.push_back(downloads::fetch_page(port, page));
    const std::vector<std::string> texts = co_await aio::gather(std::move(fetches));
    ctx.log.print("  {} pages at once: {:.1f} s ('{}' .. '{}', in the order asked)", pages, aio::time() - start,
                  texts.front(), texts.back());
}

aio::Coroutine<void> some_fail(common::Context& ctx, int port, int pages) {
    const blocking::Fd nobody = blocking::bind_loopback(0);  // bound, not listening: refused
    const int closed_port = blocking::local_port(nobody);
    const int missing = pages + 1;
    ctx.log.print("await gather(fetch(1), fetch({}), fetch(2) where nobody listens, fetch(3), return_exceptions=True)",
                  missing);
    const double start = aio::time();
    const auto [first, absent, refused, third] =
        co_await aio::gather_settled(downloads::fetch_page(port, 1), downloads::fetch_page(port, missing),
                                     downloads::fetch_page(closed_port, 2), downloads::fetch_page(port, 3));
    ctx.log.print("  page 1: {}", describe(first));
    ctx.log.print("  page {}: {}", missing, describe(absent));
    ctx.log.print("  page 2 where nobody listens: {}", describe(refused));
    ctx.log.print("  page 3: {}", describe(third));
    ctx.log.print("  {:.1f} s: the failures lost none of the other pages", aio::time() - start);
}

aio::Coroutine<void> as_they_arrive(common::Context& ctx) {
    aio::Server site = co_await downloads::start_site({static_cast<int>(varied_work.size()), varied});
    ctx.log.print("a second server, whose pages 1..5 take {} s", fmt::join(varied_work, ", "));
    ctx.log.print("for next in as_completed([fetch(page) for page in 1..5]): print(await next)");
    std::vector<aio::Task<std::string>> fetches;
    for (int page = 1; page <= static_cast<int>(varied_work.size()); ++page) {
        fetches.push_back(aio::create_task(fetch_drawn(ctx, site.port(), page)));
    }
    for (aio::Coroutine<std::string> next : aio::as_completed(fetches)) {
        const std::string text = co_await next;
        ctx.log.print("  {}", text);
    }
    site.close();
    co_await site.wait_closed();
}

aio::Coroutine<void> downloads_main(common::Context& ctx, int pages) {
    aio::Server site = co_await downloads::start_site({pages, one_second});
    ctx.log.print("a page server on 127.0.0.1 (a free port): pages 1..{}, each takes 1 s of its work", pages);
    co_await one_after_the_other(ctx, site.port(), pages);
    co_await all_at_once(ctx, site.port(), pages);
    co_await some_fail(ctx, site.port(), pages);
    site.close();
    co_await site.wait_closed();
    co_await as_they_arrive(ctx);
}

}  // namespace

void downloads(common::Context& ctx, int pages) { aio::run(downloads_main(ctx, pages), {.clock = &ctx.clock}); }

}  // namespace sections
