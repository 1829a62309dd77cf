#include "aio/io_watch.hpp"

namespace aio {

Coroutine<void> wait_readable(int fd) {
    IoWatch watch(fd);  // a new edge-triggered registration reports the fd's state at once
    co_await watch.readable();
}

Coroutine<void> wait_writable(int fd) {
    IoWatch watch(fd);
    co_await watch.writable();
}

}  // namespace aio
