// What can go wrong on a stream, with asyncio's names: the connection errors carry the errno
// (std::system_error, as Python's OSError carries it) and say where it happened; the read errors
// say what was expected. Used by streams.hpp and server.hpp.
#pragma once

#include <cstddef>
#include <exception>
#include <stdexcept>
#include <string>
#include <system_error>

namespace aio {

// Python's ConnectionError: the base of the two below. code() is the errno.
struct ConnectionError : std::system_error {
    ConnectionError(int error, const std::string& what) : std::system_error(error, std::generic_category(), what) {}
};

// Nobody listens at that address (ECONNREFUSED): "connect to 127.0.0.1:9: Connection refused".
struct ConnectionRefusedError : ConnectionError {
    using ConnectionError::ConnectionError;
};

// The peer reset the connection (ECONNRESET), or it is gone and a write cannot reach it (EPIPE).
struct ConnectionResetError : ConnectionError {
    using ConnectionError::ConnectionError;
};

// readexactly(n) met the end of the stream first. partial() holds what came, and is consumed:
// the reader's buffer is empty afterwards, as in asyncio.
class IncompleteReadError : public std::runtime_error {
public:
    IncompleteReadError(std::string partial, std::size_t expected);
    [[nodiscard]] const std::string& partial() const noexcept { return partial_; }
    [[nodiscard]] std::size_t expected() const noexcept { return expected_; }

private:
    std::string partial_;
    std::size_t expected_;
};

// readline() found no '\n' within the reader's limit (64 KiB), or found one beyond it: the
// line is dropped (through its '\n' if there is one), so the next readline starts clean.
// asyncio's readline raises ValueError for it; consumed() is where the separator search stopped.
class LimitOverrunError : public std::runtime_error {
public:
    LimitOverrunError(const std::string& what, std::size_t consumed) : std::runtime_error(what), consumed_(consumed) {}
    [[nodiscard]] std::size_t consumed() const noexcept { return consumed_; }

private:
    std::size_t consumed_;
};

namespace detail {
// The exception for a failed system call: ConnectionRefusedError for ECONNREFUSED,
// ConnectionResetError for ECONNRESET and EPIPE, std::system_error otherwise. Its message is
// "`what`: <strerror>", so `what` says what was tried and where ("recv from 127.0.0.1:4000").
std::exception_ptr errno_exception(int error, const std::string& what);
[[noreturn]] void throw_errno(int error, const std::string& what);
}  // namespace detail

}  // namespace aio
