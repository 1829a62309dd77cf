#include "course_test.hpp"

#include <cstdint>
#include <stdexcept>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <fmt/format.h>

#include "checksum_all.hpp"

namespace {

using Lines = std::vector<std::string>;

std::uint32_t fnv1a(const std::string& blob) {
    std::uint32_t hash = 2166136261U;
    for (const char byte : blob) {
        hash ^= static_cast<unsigned char>(byte);
        hash *= 16777619U;
    }
    return hash;
}

// The blocking checksum: 0.1 s of the loop's clock per 1000 bytes, as a slow library would
// take; it refuses an empty blob at once.
exercises::Checksum slow_checksum(common::Clock& clock) {
    return [&clock](const std::string& blob) {
        if (blob.empty()) throw std::invalid_argument("checksum of an empty blob");
        clock.sleep_for(static_cast<double>(blob.size()) / 10'000.0);
        return fnv1a(blob);
    };
}

std::vector<std::string> blobs_of(const std::vector<std::size_t>& sizes) {
    std::vector<std::string> blobs;
    for (std::size_t i = 0; i < sizes.size(); ++i) blobs.emplace_back(sizes[i], static_cast<char>('a' + i));
    return blobs;
}

aio::Coroutine<std::string> three_blobs() {
    const std::vector<std::string> blobs = blobs_of({1000, 3000, 2000});
    const std::vector<std::uint32_t> sums =
        co_await exercises::checksum_all(blobs, slow_checksum(aio::get_running_loop().clock()));
    const bool right = sums == std::vector<std::uint32_t>{fnv1a(blobs[0]), fnv1a(blobs[1]), fnv1a(blobs[2])};
    co_return fmt::format("{} sums, in the blobs' order: {}, at {}", sums.size(), right, aio::time());
}

}  // namespace

TEST_CASE("checksums of 0.1 s, 0.3 s and 0.2 s run at once: the sums in the blobs' order after 0.3 s") {
    CHECK(aio::run(three_blobs(), {.virtual_time = true}) == "3 sums, in the blobs' order: true, at 0.3");
}

namespace {

aio::Coroutine<void> heartbeat(Lines& lines) {
    for (int tick = 1;; ++tick) {
        co_await aio::sleep(0.25);
        lines.push_back(fmt::format("tick {} at {}", tick, aio::time()));
    }
}

aio::Coroutine<void> checksums_while_ticking(Lines& lines) {
    aio::Task<void> ticker = aio::create_task(heartbeat(lines));
    co_await aio::sleep(0);                                       // the ticker starts
    std::vector<std::string> blobs = blobs_of({10'000, 10'000});  // named: no braces inside a co_await
    const std::vector<std::uint32_t> sums =
        co_await exercises::checksum_all(std::move(blobs), slow_checksum(aio::get_running_loop().clock()));
    lines.push_back(fmt::format("{} sums at {}", sums.size(), aio::time()));
    ticker.cancel();
    try {
        co_await ticker;
    } catch (const aio::CancelledError&) {}
}

}  // namespace

TEST_CASE("a heartbeat ticks on time while the checksums run: the loop is never blocked") {
    Lines lines;
    aio::run(checksums_while_ticking(lines), {.virtual_time = true});
    CHECK(lines == Lines{"tick 1 at 0.25", "tick 2 at 0.5", "tick 3 at 0.75", "tick 4 at 1", "2 sums at 1"});
}

namespace {

aio::Coroutine<std::string> on_which_threads() {
    const std::thread::id loop_thread = std::this_thread::get_id();
    std::vector<std::thread::id> seen(2);
    // Each call notes its thread in its own slot; to_thread's return to the loop orders the writes
    // before the reads below.
    const exercises::Checksum noting = [&seen](const std::string& blob) {
        seen[blob == "a" ? 0U : 1U] = std::this_thread::get_id();
        return fnv1a(blob);
    };
    std::vector<std::string> blobs{"a", "b"};
    co_await exercises::checksum_all(std::move(blobs), noting);
    co_return fmt::format("on the loop's thread: {}, {}; back on it: {}", seen[0] == loop_thread,
                          seen[1] == loop_thread, std::this_thread::get_id() == loop_thread);
}

}  // namespace

TEST_CASE("each checksum runs on a worker thread, and checksum_all goes on on the loop's thread") {
    CHECK(aio::run(on_which_threads(), {.virtual_time = true}) ==
          "on the loop's thread: false, false; back on it: true");
}

namespace {

// Blobs of these sizes, one of them empty: what comes out of checksum_all, and when.
aio::Coroutine<std::string> one_blob_is_empty(std::vector<std::size_t> sizes) {
    try {
        std::vector<std::string> blobs = blobs_of(sizes);
        co_await exercises::checksum_all(std::move(blobs), slow_checksum(aio::get_running_loop().clock()));
        co_return "no exception";
    } catch (const std::invalid_argument& error) {
        co_return fmt::format("invalid_argument: {}, at {}", error.what(), aio::time());
    }
}

// Like slow_checksum, but a blob of 'a's or 'c's fails when its checksum would be ready.
exercises::Checksum failing_late(common::Clock& clock) {
    return [&clock](const std::string& blob) {
        clock.sleep_for(static_cast<double>(blob.size()) / 10'000.0);
        if (blob.front() == 'a' || blob.front() == 'c') throw std::runtime_error(fmt::format("blob {}", blob.front()));
        return fnv1a(blob);
    };
}

// The first blob fails at 0.3 s, the third at 0.1 s, the second succeeds at 0.2 s: the first
// failure in time is the third blob's, though the first blob comes first in the list.
aio::Coroutine<std::string> two_fail_out_of_order() {
    try {
        std::vector<std::string> blobs = blobs_of({3000, 2000, 1000});
        co_await exercises::checksum_all(std::move(blobs), failing_late(aio::get_running_loop().clock()));
        co_return "no exception";
    } catch (const std::runtime_error& error) {
        co_return fmt::format("runtime_error: {}, at {}", error.what(), aio::time());
    }
}

aio::Coroutine<std::string> no_blobs() {
    std::vector<std::string> none;
    const std::vector<std::uint32_t> sums =
        co_await exercises::checksum_all(std::move(none), slow_checksum(aio::get_running_loop().clock()));
    co_return fmt::format("{} sums at {}", sums.size(), aio::time());
}

}  // namespace

TEST_CASE("a checksum that throws reaches the caller once the other checksums have finished") {
    CHECK(aio::run(one_blob_is_empty({2000, 0, 1000}), {.virtual_time = true}) ==
          "invalid_argument: checksum of an empty blob, at 0.2");
}

TEST_CASE("the first failure in time surfaces, not the first in the list, once every checksum has finished") {
    CHECK(aio::run(two_fail_out_of_order(), {.virtual_time = true}) == "runtime_error: blob c, at 0.3");
}

TEST_CASE("the first blob failing at once still waits for the others before it surfaces") {
    CHECK(aio::run(one_blob_is_empty({0, 2000}), {.virtual_time = true}) ==
          "invalid_argument: checksum of an empty blob, at 0.2");
}

TEST_CASE("no blobs: no sums, at once") { CHECK(aio::run(no_blobs(), {.virtual_time = true}) == "0 sums at 0"); }
