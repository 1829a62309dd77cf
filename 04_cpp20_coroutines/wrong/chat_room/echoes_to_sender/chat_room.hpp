// Wrong: sends each line to every member, the sender included.
#pragma once

#include <cstddef>
#include <cstdint>
#include <exception>
#include <map>
#include <string>
#include <utility>

#include "aio/aio.hpp"
#include "aio/streams.hpp"

namespace exercises {

class ChatRoom {
public:
    aio::Coroutine<void> serve(aio::StreamReader reader, aio::StreamWriter writer) {
        std::string name;
        try {
            name = co_await reader.readline();
        } catch (const std::exception&) {  // reset before it said its name: it never came in
        }
        if (!name.empty() && name.back() == '\n') name.pop_back();
        if (!name.empty()) {
            // In the room from here to the end of this block, however the block is left: a
            // reset, a cancellation when the server shuts down, or the client's EOF.
            const Membership membership(*this, name, writer);
            try {
                while (true) {
                    std::string line = co_await reader.readline();
                    if (line.empty()) break;  // EOF
                    if (line.back() != '\n') line += '\n';
                    tell_others(membership.id(), name + ": " + line);
                }
            } catch (const std::exception&) {  // a reset: the client leaves all the same
            }
        }
        writer.close();
        try {
            co_await writer.wait_closed();
        } catch (const std::exception&) {  // after a reset, wait_closed() raises it again, as asyncio's does
        }
    }

    [[nodiscard]] std::size_t members() const { return members_.size(); }

private:
    // A member's seat in the room: taken when it is made, given back when it goes.
    class Membership {
    public:
        Membership(ChatRoom& room, const std::string& name, const aio::StreamWriter& writer)
            : room_(room), id_(room.next_id_++), name_(name) {
            room_.tell_others(id_, name_ + " joined\n");
            room_.members_.emplace(id_, writer);
        }
        Membership(const Membership&) = delete;
        Membership& operator=(const Membership&) = delete;
        ~Membership() {
            room_.members_.erase(id_);
            room_.tell_others(id_, name_ + " left\n");
        }
        [[nodiscard]] std::uint64_t id() const noexcept { return id_; }

    private:
        ChatRoom& room_;
        std::uint64_t id_;
        std::string name_;
    };

    // write() never waits, so no member can change the map while we walk it. A member whose
    // connection is gone drops the bytes; its own handler sees the reset and leaves.
    void tell_others(std::uint64_t sender, const std::string& text) {
        for (auto& [id, writer] : members_) {
            (void)id;
            (void)sender;
            writer.write(text);
        }
    }

    std::map<std::uint64_t, aio::StreamWriter> members_;  // by id: in the order they joined
    std::uint64_t next_id_ = 0;
};

}  // namespace exercises
