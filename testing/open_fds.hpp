// How many file descriptors this process has open: tests count them before and after, so an
// fd leaked by a socket, a pipe or an epoll instance fails the test that leaked it.
#pragma once

#include <cstddef>
#include <filesystem>
#include <iterator>

namespace course_test {

inline std::size_t open_fds() {
    // The directory iterator holds one fd of its own while it counts, before and after alike.
    const std::filesystem::directory_iterator fds("/proc/self/fd");
    return static_cast<std::size_t>(std::distance(fds, std::filesystem::directory_iterator{}));
}

}  // namespace course_test
