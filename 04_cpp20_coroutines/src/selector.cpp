#include "aio/selector.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <string>
#include <system_error>
#include <unordered_set>
#include <vector>

#include <fcntl.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/stat.h>
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

namespace {

// Who an fd is, as far as its other end goes: "pipe <dev>:<ino> r" for a pipe's read end,
// "tcp <local><peer>" (the two addresses' bytes) for a connected TCP socket; "" for anything
// else, or if a call fails.
std::string identify(int fd, std::uint64_t& syscalls) {
    struct stat status {};
    ++syscalls;
    if (::fstat(fd, &status) != 0) return {};
    if (S_ISFIFO(status.st_mode)) {
        ++syscalls;
        const int flags = ::fcntl(fd, F_GETFL);
        if (flags < 0) return {};
        return fmt::format("pipe {}:{} {}", status.st_dev, status.st_ino, (flags & O_ACCMODE) == O_RDONLY ? 'r' : 'w');
    }
    if (!S_ISSOCK(status.st_mode)) return {};
    int listening = 0;
    socklen_t size = sizeof listening;
    ++syscalls;
    if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &size) != 0 || listening != 0) return {};
    sockaddr_storage local{};
    sockaddr_storage peer{};
    socklen_t local_size = sizeof local;
    socklen_t peer_size = sizeof peer;
    syscalls += 2;
    if (::getsockname(fd, reinterpret_cast<sockaddr*>(&local), &local_size) != 0 ||
        ::getpeername(fd, reinterpret_cast<sockaddr*>(&peer), &peer_size) != 0) {
        return {};  // not connected (yet)
    }
    if (local.ss_family != AF_INET && local.ss_family != AF_INET6) return {};  // a Unix socket has no name to match
    const auto bytes = [](const sockaddr_storage& address, socklen_t length) {
        return std::string(reinterpret_cast<const char*>(&address), length);
    };
    if (local_size != peer_size) return {};
    return "tcp " + bytes(local, local_size) + bytes(peer, peer_size);
}

// The identity the other end of `end` has.
std::string other_end(const std::string& end) {
    if (end.starts_with("pipe ")) return end.substr(0, end.size() - 1) + (end.back() == 'r' ? 'w' : 'r');
    const std::size_t half = (end.size() - 4) / 2;  // "tcp <local><peer>": two addresses of one size
    return "tcp " + end.substr(4 + half) + end.substr(4, half);
}

}  // namespace

bool Selector::only_own_ends() {
    std::vector<std::string> awaited;
    for (const IoEntry* entry = entries_; entry != nullptr; entry = entry->next) {
        if (entry->reader.task == nullptr && entry->writer.task == nullptr) continue;
        std::string end = identify(entry->fd, syscalls_);
        if (end.empty()) return false;  // cannot know who may make it ready
        awaited.push_back(std::move(end));
    }
    std::unordered_set<std::string> watched;
    for (const IoEntry* entry = entries_; entry != nullptr; entry = entry->next) {
        watched.insert(identify(entry->fd, syscalls_));
    }
    return std::all_of(awaited.begin(), awaited.end(),
                       [&watched](const std::string& end) { return watched.contains(other_end(end)); });
}

void Selector::wakeup() noexcept {
    const std::uint64_t one = 1;
    (void)!::write(wakeup_fd_, &one, sizeof one);  // EAGAIN: the counter is full, it is awake anyway
}

}  // namespace aio::detail
