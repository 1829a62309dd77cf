#include "aio/selector.hpp"

#include <cerrno>
#include <cstdint>
#include <system_error>

#include <sys/eventfd.h>
#include <unistd.h>

#include <fmt/format.h>

#include "aio/event_loop.hpp"

namespace aio::detail {

namespace {
[[noreturn]] void fail(const std::string& what) { throw std::system_error(errno, std::generic_category(), what); }

constexpr std::uint32_t readable_events = EPOLLIN | EPOLLRDHUP | EPOLLHUP | EPOLLERR;
constexpr std::uint32_t writable_events = EPOLLOUT | EPOLLHUP | EPOLLERR;
}  // namespace

Selector::Selector(EventLoop& loop, std::uint64_t& syscalls) : loop_(loop), syscalls_(syscalls) {
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    if (epoll_fd_ < 0) fail("epoll_create1");
    wakeup_fd_ = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (wakeup_fd_ < 0) {
        const int error = errno;
        ::close(epoll_fd_);
        throw std::system_error(error, std::generic_category(), "eventfd");
    }
    epoll_event event{};
    event.events = EPOLLIN;
    event.data.ptr = nullptr;  // the one entry without an IoEntry
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wakeup_fd_, &event) < 0) {
        const int error = errno;
        ::close(wakeup_fd_);
        ::close(epoll_fd_);
        throw std::system_error(error, std::generic_category(), "epoll_ctl(eventfd)");
    }
    syscalls_ += 3;
}

Selector::~Selector() {
    for (IoEntry* entry = entries_; entry != nullptr; entry = entry->next) {
        entry->selector = nullptr;
        entry->loop_gone = true;
    }
    ::close(wakeup_fd_);
    ::close(epoll_fd_);
}

void Selector::add(IoEntry& entry, int fd) {
    epoll_event event{};
    // Both directions at once, edge-triggered: registered once, never modified.
    event.events = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
    event.data.ptr = &entry;
    ++syscalls_;
    if (epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &event) < 0) {
        if (errno == EPERM) fail(fmt::format("epoll cannot watch fd {} (a regular file is always ready)", fd));
        if (errno == EEXIST) fail(fmt::format("fd {} is watched already", fd));
        fail(fmt::format("epoll_ctl(ADD, fd {})", fd));
    }
    entry.fd = fd;
    entry.may_read = entry.may_write = entry.hung_up = entry.loop_gone = false;
    entry.reader = entry.writer = {};
    entry.selector = this;
    entry.prev = nullptr;
    entry.next = entries_;
    if (entries_ != nullptr) entries_->prev = &entry;
    entries_ = &entry;
    ++watched_;
}

void Selector::remove(IoEntry& entry) noexcept {
    ++syscalls_;
    (void)epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, entry.fd, nullptr);  // fails only if closed already
    (entry.prev != nullptr ? entry.prev->next : entries_) = entry.next;
    if (entry.next != nullptr) entry.next->prev = entry.prev;
    entry.prev = entry.next = nullptr;
    entry.selector = nullptr;
    --watched_;
    // Whoever waits on it goes on, and learns from its next system call what happened.
    entry.may_read = entry.may_write = true;
    take(entry.reader);
    take(entry.writer);
}

void Selector::wait_on(IoEntry& entry, bool write, PromiseBase* task, std::uint64_t id) noexcept {
    IoSlot& slot = write ? entry.writer : entry.reader;
    if (slot.task == nullptr) ++waiting_;
    slot = {task, id};
}

void Selector::clear(IoEntry& entry, bool write, std::uint64_t id) noexcept {
    IoSlot& slot = write ? entry.writer : entry.reader;
    if (slot.task != nullptr && slot.id == id) {
        slot = {};
        --waiting_;
    }
}

void Selector::forget_waiters() noexcept {
    for (IoEntry* entry = entries_; entry != nullptr; entry = entry->next) entry->reader = entry->writer = {};
    waiting_ = 0;
}

std::size_t Selector::take(IoSlot& slot) noexcept {
    if (slot.task == nullptr) return 0;
    const IoSlot waiter = std::exchange(slot, {});
    --waiting_;
    return waiter.task->wake(waiter.id) ? 1 : 0;
}

std::size_t Selector::poll(int timeout_ms) {
    ++syscalls_;
    const int count = epoll_wait(epoll_fd_, events_.data(), static_cast<int>(events_.size()), timeout_ms);
    if (count < 0) {
        if (errno == EINTR) return 0;  // a signal: the loop simply turns again
        fail("epoll_wait");
    }
    std::size_t woken = 0;
    for (int i = 0; i < count; ++i) {
        const epoll_event& event = events_[static_cast<std::size_t>(i)];
        auto* entry = static_cast<IoEntry*>(event.data.ptr);
        if (entry == nullptr) {  // another thread's call_soon_threadsafe
            std::uint64_t value = 0;
            ++syscalls_;
            (void)!::read(wakeup_fd_, &value, sizeof value);
            ++woken;
            continue;
        }
        if ((event.events & (EPOLLRDHUP | EPOLLHUP | EPOLLERR)) != 0) entry->hung_up = true;
        if ((event.events & readable_events) != 0) {
            entry->may_read = true;
            woken += take(entry->reader);
        }
        if ((event.events & writable_events) != 0) {
            entry->may_write = true;
            woken += take(entry->writer);
        }
    }
    return woken;
}

void Selector::wakeup() noexcept {
    const std::uint64_t one = 1;
    (void)!::write(wakeup_fd_, &one, sizeof one);  // EAGAIN: the counter is full, it is awake anyway
}

}  // namespace aio::detail
