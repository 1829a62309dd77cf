// A greenlet: a stackful coroutine with a stack of its own, switched explicitly with
// switch_to() (POSIX ucontext underneath). Used by the sections "greenlet", "greenlet_error"
// and "memory", and by chapter 03's gevent-like hub.
#pragma once

#include <cstddef>
#include <exception>
#include <functional>
#include <memory>
#include <thread>

#include <ucontext.h>

#include "greenlet_stack.hpp"

namespace greenlet {

// A stackful coroutine with its own stack, switched explicitly (ucontext).
//
// Rules, as in Python's greenlet:
// - Its parent is the greenlet (or the thread's main stack) that was running when it was
//   created. When its body returns, control goes back to the parent; if the parent has
//   finished or been destroyed, to the parent's parent, and so on up to the main stack.
// - An exception escaping the body is caught on the greenlet's stack and rethrown in the
//   greenlet that gets control back, from the switch_to() (or switch_to_main()) call
//   through which it got it.
// - A greenlet belongs to the thread that created it; it is switched to from that thread only.
// - Do not switch away from inside a catch block: the C++ runtime keeps one list of the
//   exceptions being handled per thread, not per stack.
// - Destroying a started but unfinished greenlet frees its stack WITHOUT unwinding it: the
//   destructors of the locals on that stack never run. Let greenlets finish, or keep only
//   trivially destructible state on a stack you abandon.
class Greenlet {
public:
    static constexpr std::size_t default_stack_size = 64 * 1024;

    // Creates the greenlet without running any of its body; `stack_size` is rounded up to
    // whole pages and must be at least min_stack_size (else std::invalid_argument).
    explicit Greenlet(std::function<void()> body, std::size_t stack_size = default_stack_size);
    // Frees the stack (see above for an unfinished greenlet). A running greenlet must not be
    // destroyed from its own body: that aborts the program with a message.
    ~Greenlet();
    Greenlet(const Greenlet&) = delete;
    Greenlet& operator=(const Greenlet&) = delete;

    static constexpr std::size_t min_stack_size = 16 * 1024;

    // Runs this greenlet from where it last switched away (its start the first time) until it
    // switches to another greenlet or finishes. Switching to the running greenlet does nothing.
    // Throws std::logic_error for a finished greenlet or one of another thread.
    void switch_to();

    [[nodiscard]] bool started() const noexcept { return started_; }
    [[nodiscard]] bool finished() const noexcept { return finished_; }
    [[nodiscard]] std::size_t stack_size() const noexcept { return stack_.size(); }
    // Where control goes when the body returns; nullptr: the thread's main stack.
    [[nodiscard]] Greenlet* parent() const noexcept;

    // The greenlet running on this thread; nullptr while on the thread's original stack.
    static Greenlet* current() noexcept;
    // Back to the thread's original stack (the "main greenlet"). Does nothing when already there.
    static void switch_to_main();

private:
    // A greenlet's place in the family tree. It outlives the greenlet (its children hold it),
    // so a child whose parent was destroyed still finds its grandparent.
    struct Link {
        Greenlet* self;
        std::shared_ptr<Link> parent;
    };

    static std::shared_ptr<Link> parent_link() noexcept;  // the running greenlet's, or none on main
    static void trampoline() noexcept;
    std::exception_ptr run_body() noexcept;
    static void transfer(Greenlet* from, Greenlet* to);
    static void rethrow_pending();
    [[nodiscard]] Greenlet* return_target() const noexcept;
    void check_switchable() const;

    std::function<void()> body_;
    Stack stack_;
    ucontext_t context_{};
    std::shared_ptr<Link> link_;
    std::thread::id owner_;
    void* tsan_fiber_ = nullptr;  // ThreadSanitizer's handle on this stack (TSan builds only)
    bool started_ = false;
    bool finished_ = false;
};

}  // namespace greenlet
