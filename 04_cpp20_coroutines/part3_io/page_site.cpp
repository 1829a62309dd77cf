#include "page_site.hpp"

#include <charconv>
#include <optional>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace downloads {

namespace {

std::optional<int> requested_page(std::string_view request) {
    constexpr std::string_view prefix = "GET /page/";
    if (!request.starts_with(prefix) || !request.ends_with('\n')) return std::nullopt;
    request.remove_prefix(prefix.size());
    request.remove_suffix(1);
    int page = 0;
    const auto [end, error] = std::from_chars(request.data(), request.data() + request.size(), page);
    if (error != std::errc{} || end != request.data() + request.size()) return std::nullopt;
    return page;
}

}  // namespace

aio::Coroutine<void> serve_page(aio::StreamReader reader, aio::StreamWriter writer, Site site) {
    const std::string request = co_await reader.readline();
    const std::optional<int> page = requested_page(request);
    if (page && *page >= 1 && *page <= site.pages) {
        co_await aio::sleep(site.work(*page));  // the server's work: the loop serves others meanwhile
        writer.write(fmt::format("page {}\n", *page));
    } else {
        writer.write("404 not found\n");
    }
    co_await writer.drain();
    writer.close();
    co_await writer.wait_closed();
}

aio::Coroutine<aio::Server> start_site(Site site) {
    // Not a lambda coroutine: the lambda only passes `site` on, as a parameter of serve_page.
    aio::ClientConnected handler = [site](aio::StreamReader reader, aio::StreamWriter writer) {
        return serve_page(std::move(reader), std::move(writer), site);
    };
    aio::Server server = co_await aio::start_server(std::move(handler), "127.0.0.1", 0);
    co_return server;
}

PageNotFound::PageNotFound(int page) : std::runtime_error(fmt::format("page {}: 404 not found", page)) {}

aio::Coroutine<std::string> fetch_page(int port, int page) {
    std::pair<aio::StreamReader, aio::StreamWriter> connection = co_await aio::open_connection("127.0.0.1", port);
    aio::StreamWriter& writer = connection.second;
    writer.write(fmt::format("GET /page/{}\n", page));
    co_await writer.drain();
    std::string reply = co_await connection.first.readline();
    writer.close();
    co_await writer.wait_closed();
    if (reply.starts_with("404")) throw PageNotFound(page);
    if (reply.ends_with('\n')) reply.pop_back();
    co_return reply;
}

}  // namespace downloads
