// The rules of a two-way generator, written once: what send() may do before the first yield,
// after the last one, and while the body runs. Every generator of this chapter derives from
// it and writes only its body, resume(). Used by the sections send, priming, pipeline, round_robin.
#pragma once

#include <optional>
#include <stdexcept>
#include <utility>
#include <variant>

namespace coroutines {

// What a bare `yield` yields and what next() sends: Python's None.
using Nothing = std::monostate;

// A send() the generator cannot take. Python raises TypeError or ValueError for these.
struct SendError : std::logic_error {
    using std::logic_error::logic_error;
};

template <class Yield, class Sent>
class SendGenerator {
public:
    SendGenerator() = default;
    SendGenerator(const SendGenerator&) = delete;
    SendGenerator& operator=(const SendGenerator&) = delete;
    virtual ~SendGenerator() = default;

    // gen.send(value): resumes the body, and the yield it is paused at evaluates to `value`.
    // Returns what the body yields next, or nullopt when it returns (Python: StopIteration).
    std::optional<Yield> send(Sent value) {
        if (running_) throw SendError("generator already executing");
        // Before the first yield there is no yield to receive the value: it would be lost.
        if (!started_) throw SendError("can't send a value to a just-started generator");
        // After the last yield nobody will ever read it either.
        if (finished_) throw SendError("can't send a value to a finished generator");
        return step(std::move(value));
    }

    // next(gen) is gen.send(None): it primes a just-started generator, and a finished one
    // answers nullopt again and again, like chapter 01's generators.
    std::optional<Yield> next() {
        if (running_) throw SendError("generator already executing");
        if (finished_) return std::nullopt;
        return step(std::nullopt);
    }

    // gen.close(): the body will never run again. A started body gets on_close() first,
    // where Python would raise GeneratorExit at the paused yield.
    void close() {
        if (running_) throw SendError("generator already executing");
        if (finished_) return;
        finished_ = true;
        if (started_) on_close();
    }

    [[nodiscard]] bool started() const noexcept { return started_; }
    [[nodiscard]] bool finished() const noexcept { return finished_; }

protected:
    // The body, from where it paused to its next yield. `sent` is what the paused yield
    // evaluates to: nullopt for next() and for the very first run. Returns the value it
    // yields, or nullopt when the body returns.
    virtual std::optional<Yield> resume(std::optional<Sent> sent) = 0;
    // The body's finally: clean up, close what it feeds.
    virtual void on_close() {}

private:
    std::optional<Yield> step(std::optional<Sent> sent) {
        started_ = true;
        running_ = true;
        std::optional<Yield> yielded;
        try {
            yielded = resume(std::move(sent));
        } catch (...) {
            // As in Python, an exception that escapes the body ends the generator.
            running_ = false;
            finished_ = true;
            throw;
        }
        running_ = false;
        if (!yielded) finished_ = true;
        return yielded;
    }

    bool started_ = false;
    bool running_ = false;  // inside resume(): a send() now would re-enter the body
    bool finished_ = false;
};

}  // namespace coroutines
