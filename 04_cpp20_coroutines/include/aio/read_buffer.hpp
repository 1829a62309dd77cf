// The bytes a connection has received and nobody has read yet: one block of memory, reused for
// the life of the connection, so a read in steady state allocates nothing. Data is taken from
// the front and received at the back; the block grows only when one read needs more
// (readexactly of a large n, a long line). Used by streams.hpp.
#pragma once

#include <cstddef>
#include <cstring>
#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace aio::detail {

class ReadBuffer {
public:
    // The first block (allocated by the first receive: an idle connection holds none), and the
    // least room a receive gets. asyncio's selector transport receives up to 256 KiB at a time.
    static constexpr std::size_t first_block = 64 * 1024;
    static constexpr std::size_t min_room = 16 * 1024;

    [[nodiscard]] std::size_t size() const noexcept { return end_ - begin_; }
    [[nodiscard]] bool empty() const noexcept { return begin_ == end_; }
    [[nodiscard]] std::string_view view() const noexcept { return {data_.get() + begin_, size()}; }

    // Takes the first `n` bytes (n <= size()).
    std::string take(std::size_t n) {
        std::string taken(data_.get() + begin_, n);
        consume(n);
        return taken;
    }
    // Copies the first bytes into `out`, as many as fit; returns how many.
    std::size_t take_into(std::span<char> out) noexcept {
        const std::size_t n = out.size() < size() ? out.size() : size();
        std::memcpy(out.data(), data_.get() + begin_, n);
        consume(n);
        return n;
    }
    void consume(std::size_t n) noexcept {
        begin_ += n;
        if (begin_ == end_) begin_ = end_ = 0;  // empty: the next receive starts at the front
    }
    void clear() noexcept { begin_ = end_ = 0; }

    // Free room at the back for one receive: at least min_room bytes, the unread bytes moved
    // to the front first if that makes enough room, else a block twice as large.
    std::span<char> room() {
        if (capacity_ - end_ >= min_room) return {data_.get() + end_, capacity_ - end_};
        const std::size_t unread = size();
        if (capacity_ - unread < min_room) {
            std::size_t capacity = capacity_ == 0 ? first_block : capacity_ * 2;
            while (capacity - unread < min_room) capacity *= 2;
            auto data = std::make_unique_for_overwrite<char[]>(capacity);
            if (unread != 0) std::memcpy(data.get(), data_.get() + begin_, unread);
            data_ = std::move(data);
            capacity_ = capacity;
        } else if (unread != 0) {
            std::memmove(data_.get(), data_.get() + begin_, unread);
        }
        begin_ = 0;
        end_ = unread;
        return {data_.get() + end_, capacity_ - end_};
    }
    // `n` bytes were received into room().
    void commit(std::size_t n) noexcept { end_ += n; }

private:
    std::unique_ptr<char[]> data_;
    std::size_t capacity_ = 0;
    std::size_t begin_ = 0;
    std::size_t end_ = 0;
};

}  // namespace aio::detail
