#include "hash_worker.hpp"

#include <charconv>
#include <cstdio>
#include <iostream>
#include <string>

#include <fmt/format.h>

namespace sections {

std::uint64_t hash_passes(std::string_view data, std::uint64_t passes) {
    std::uint64_t hash = 14695981039346656037ULL;
    for (std::uint64_t pass = 0; pass < passes; ++pass) {
        for (const char byte : data) {
            hash ^= static_cast<unsigned char>(byte);
            hash *= 1099511628211ULL;
        }
    }
    return hash;
}

namespace {

// "PASSES BYTES" as two whole numbers, nothing else.
bool parse_header(const std::string& header, std::uint64_t& passes, std::size_t& bytes) {
    const char* const end = header.data() + header.size();
    const auto [after_passes, error] = std::from_chars(header.data(), end, passes);
    if (error != std::errc() || after_passes == end || *after_passes != ' ') return false;
    const auto [after_bytes, error2] = std::from_chars(after_passes + 1, end, bytes);
    return error2 == std::errc() && after_bytes == end;
}

int fail(const std::string& message) {
    fmt::print(stderr, "04_cpp20_coroutines {}: {}\n", hash_worker_flag, message);
    return 2;
}

}  // namespace

int hash_worker(std::span<char*> arguments) {
    if (!arguments.empty()) return fail(fmt::format("takes no argument, got '{}'", arguments.front()));
    std::ios::sync_with_stdio(false);
    std::string header;
    std::string data;
    while (std::getline(std::cin, header)) {
        std::uint64_t passes = 0;
        std::size_t bytes = 0;
        if (!parse_header(header, passes, bytes)) {
            return fail(fmt::format("a job starts with 'PASSES BYTES', got '{}'", header.substr(0, 40)));
        }
        if (bytes > (std::size_t{1} << 30U)) return fail(fmt::format("{} bytes: more than 1 GiB", bytes));
        data.resize(bytes);
        if (!std::cin.read(data.data(), static_cast<std::streamsize>(bytes))) {
            return fail(fmt::format("the data ended after {} of {} bytes", std::cin.gcount(), bytes));
        }
        std::cout << hash_passes(data, passes) << '\n' << std::flush;
    }
    return 0;
}

}  // namespace sections
