#include "aio/io_watch.hpp"

#include <fmt/format.h>

namespace aio {

namespace detail {

void check_can_wait(const IoEntry& entry, bool write) {
    const char* what = write ? "IoWatch::writable" : "IoWatch::readable";
    if (entry.loop_gone) {
        // Nothing would wake it: without this, the documented read loop spins (may_read, EAGAIN...).
        throw std::logic_error(
            fmt::format("{}: the event loop that watched fd {} is gone (watch it again on this loop)", what, entry.fd));
    }
    if (entry.selector == nullptr) return;
    const PromiseBase* running = PromiseBase::current();
    if (running != nullptr && running->loop != &entry.selector->loop()) {
        throw std::logic_error(fmt::format(
            "{}: fd {} is watched by another event loop (asyncio: Task got Future attached to a different loop)", what,
            entry.fd));
    }
    const IoSlot& slot = write ? entry.writer : entry.reader;
    if (slot.task != nullptr && slot.task->wait_id == slot.id) {
        throw std::logic_error(
            fmt::format("{}: another task is already waiting to {} this fd", what, write ? "write" : "read"));
    }
}

}  // namespace detail

Coroutine<void> wait_readable(int fd) {
    IoWatch watch(fd);  // a new edge-triggered registration reports the fd's state at once
    co_await watch.readable();
}

Coroutine<void> wait_writable(int fd) {
    IoWatch watch(fd);
    co_await watch.writable();
}

}  // namespace aio
