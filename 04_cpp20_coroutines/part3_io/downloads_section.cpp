#include <algorithm>
#include <array>
#include <exception>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "aio/aio.hpp"
#include "aio/stream_errors.hpp"
#include "blocking_socket.hpp"
#include "common/flags.hpp"
#include "http_client.hpp"
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
    } catch (const downloads::PageError& error) {
        return std::string("PageError: ") + error.what();
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

// One of the bounded client's workers: fetches the next page nobody has taken, until none is
// left. The workers share `next` and `texts` safely: they all run on the loop's one thread, and
// none is interrupted between reading `next` and moving it on (no co_await in between).
aio::Coroutine<void> worker(int port, int pages, int& next, std::vector<std::string>& texts) {
    while (next <= pages) {
        const int page = next++;
        texts[static_cast<std::size_t>(page - 1)] = co_await downloads::fetch_page(port, page);
    }
}

// The real world: a server that serves only so many pages at once.
aio::Coroutine<void> bounded(common::Context& ctx, int pages) {
    constexpr int at_once = 10;
    aio::Server site = co_await downloads::start_site({.pages = pages, .work = one_second, .at_once = at_once});
    ctx.log.print("a third server, as a busy real one: at most {} pages at once, and 503 Service Unavailable beyond",
                  at_once);
    ctx.log.print("await gather(*(fetch(page) for page in 1..{}), return_exceptions=True)   # all at once again",
                  pages);
    double start = aio::time();
    std::vector<aio::Coroutine<std::string>> fetches;
    for (int page = 1; page <= pages; ++page) fetches.push_back(downloads::fetch_page(site.port(), page));
    const std::vector<aio::Outcome<std::string>> outcomes = co_await aio::gather_settled(std::move(fetches));
    int good = 0;
    for (const aio::Outcome<std::string>& outcome : outcomes) good += outcome.has_value() ? 1 : 0;
    ctx.log.print("  {:.1f} s: {} pages, {} x 503 Service Unavailable", aio::time() - start, good, pages - good);

    const int workers = std::min(at_once, pages);
    ctx.log.print("{} workers, each fetching the next page nobody has taken, until none is left   # at most {} at once",
                  workers, workers);
    start = aio::time();
    int next = 1;
    std::vector<std::string> texts(static_cast<std::size_t>(pages));
    std::vector<aio::Coroutine<void>> crew;
    for (int i = 0; i < workers; ++i) crew.push_back(worker(site.port(), pages, next, texts));
    co_await aio::gather(std::move(crew));
    const int rounds = (pages + at_once - 1) / at_once;
    ctx.log.print("  {} pages in {:.1f} s ('{}' .. '{}'), no 503: ceil({} / {}) = {} round{} of 1 s (the ideal: 1.0 s)",
                  pages, aio::time() - start, texts.front(), texts.back(), pages, at_once, rounds,
                  rounds == 1 ? "" : "s");
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
    co_await bounded(ctx, pages);
}

// --site URL: the same client against any HTTP server, on real time (its pages take what they take).
aio::Coroutine<void> from_site(common::Context& ctx, http::Url url, std::string shown, int pages) {
    auto& log = ctx.log;
    log.plain("(--site: a server of another program, so real time, whatever --virtual or --speed say)");
    log.plain("pages 1..{} from {}/page/N", pages, shown);
    double start = aio::time();
    std::string last;
    for (int page = 1; page <= pages; ++page) last = co_await downloads::fetch_page(url, page);
    log.plain("  {} pages one after the other: {:.3f} s (the last: '{}')", pages, aio::time() - start, last);
    start = aio::time();
    std::vector<aio::Coroutine<std::string>> fetches;
    for (int page = 1; page <= pages + 1; ++page) fetches.push_back(downloads::fetch_page(url, page));
    const std::vector<aio::Outcome<std::string>> outcomes = co_await aio::gather_settled(std::move(fetches));
    log.plain("  pages 1..{} at once, with gather_settled: {:.3f} s", pages + 1, aio::time() - start);
    for (int page = 1; page <= pages + 1; ++page) {
        const aio::Outcome<std::string>& outcome = outcomes[static_cast<std::size_t>(page - 1)];
        if (page <= 3 || page >= pages || !outcome.has_value()) log.plain("  page {}: {}", page, describe(outcome));
    }
}

}  // namespace

void check_downloads_arguments(const std::vector<std::string>& args, const std::string& site) {
    if (!args.empty())
        throw common::UsageError(fmt::format("section 'downloads' takes no arguments, got '{}'", args.front()));
    if (site.empty()) return;
    try {
        http::parse_url(site);
    } catch (const std::invalid_argument& error) {
        throw common::UsageError(fmt::format("--site: {}", error.what()));
    }
}

void downloads(common::Context& ctx, int pages, const std::string& site) {
    if (site.empty()) {
        aio::run(downloads_main(ctx, pages), {.clock = &ctx.clock});
    } else {
        aio::run(from_site(ctx, http::parse_url(site), site, pages));  // a real clock: the server is real
    }
}

}  // namespace sections
