#include "aio/stream_errors.hpp"

#include <cerrno>
#include <utility>

#include <fmt/format.h>

namespace aio {

IncompleteReadError::IncompleteReadError(std::string partial, std::size_t expected)
    : std::runtime_error(
          fmt::format("IncompleteReadError: {} bytes read on a total of {} expected bytes", partial.size(), expected)),
      partial_(std::move(partial)),
      expected_(expected) {}

namespace detail {

std::exception_ptr errno_exception(int error, const std::string& what) {
    switch (error) {
        case ECONNREFUSED:
            return std::make_exception_ptr(ConnectionRefusedError(error, what));
        case ECONNRESET:
        case EPIPE:
            return std::make_exception_ptr(ConnectionResetError(error, what));
        default:
            return std::make_exception_ptr(std::system_error(error, std::generic_category(), what));
    }
}

void throw_errno(int error, const std::string& what) { std::rethrow_exception(errno_exception(error, what)); }

}  // namespace detail
}  // namespace aio
